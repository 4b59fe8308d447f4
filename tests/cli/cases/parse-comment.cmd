"domid test # comment; list"
