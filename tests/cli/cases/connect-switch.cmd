"connect sim:///default?private=1; uri; connect --readonly; destroy test"
