"version --daemon"
