"vcpucount test; vcpucount test --maximum; vcpucount test --active --live"
