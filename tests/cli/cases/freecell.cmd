"freecell; freecell --all; freecell 1"
