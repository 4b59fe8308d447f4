"suspend test; suspend test; resume test; resume test"
