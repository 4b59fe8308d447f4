"connect foo:///x; uri"
