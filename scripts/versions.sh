# Tool versions the project pins. wasm-bindgen-cli must equal the
# wasm-bindgen in Cargo.lock; binaryen (wasm-opt) comes from package.json.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
# Mutation testing (make mutants only; never part of make test).
CARGO_MUTANTS_VERSION=27.1.0
