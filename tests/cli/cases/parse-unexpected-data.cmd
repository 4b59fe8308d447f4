"list foo"
