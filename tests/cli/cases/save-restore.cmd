"save test @TMP@/img; list --all; restore @TMP@/img; list"
