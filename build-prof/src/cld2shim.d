build-prof/src/cld2shim.o: src/cld2shim.cc
