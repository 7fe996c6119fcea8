"""Lower stage: mypy's typed tree to the Rust IR, one module per family of constructs."""
