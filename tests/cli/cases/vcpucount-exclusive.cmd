"vcpucount test --live --config"
