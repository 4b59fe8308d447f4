'echo abc\'
