"list --foo"
