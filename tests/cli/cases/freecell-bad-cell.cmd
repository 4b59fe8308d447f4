"freecell 5"
