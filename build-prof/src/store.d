build-prof/src/store.o: src/store.c src/store_int.h src/recoupe_int.h \
 src/../include/recoupe.h
src/store_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
