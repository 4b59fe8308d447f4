"freecell --all --cellno 0"
