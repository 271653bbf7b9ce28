build-prof/src/store_relate.o: src/store_relate.c src/store_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/store_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
