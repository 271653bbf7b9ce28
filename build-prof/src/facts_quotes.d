build-prof/src/facts_quotes.o: src/facts_quotes.c src/facts_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/facts_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
