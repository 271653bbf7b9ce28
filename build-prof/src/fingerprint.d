build-prof/src/fingerprint.o: src/fingerprint.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
