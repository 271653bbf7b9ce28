build-prof/src/store_cluster.o: src/store_cluster.c src/store_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/store_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
