build-prof/src/digest.o: src/digest.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
