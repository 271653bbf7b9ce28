build-prof/src/store_templates.o: src/store_templates.c src/store_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/store_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
