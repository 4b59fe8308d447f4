"start test"
