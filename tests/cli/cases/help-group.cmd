"help domain"
