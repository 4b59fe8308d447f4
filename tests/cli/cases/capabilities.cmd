"capabilities"
