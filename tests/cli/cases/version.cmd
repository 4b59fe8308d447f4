"version"
