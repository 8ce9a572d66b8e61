// Street vocabulary for the address rules, lower case, without trailing dots.

/**
 * Street types written after the name ("Glyn St", "Lovers Lane"): the USPS Publication 28 C1 suffixes and
 * their standard abbreviations, plus common British and Commonwealth forms.
 */
export const STREET_SUFFIXES = new Set(
  ("street st streets avenue ave av avn road rd roads boulevard blvd lane ln drive dr drives court ct courts " +
    "place pl terrace ter tce crescent cres close square sq squares parkway pkwy highway hwy freeway expressway " +
    "motorway circle cir trail trl row walk walks way ways alley aly grove gardens garden mews plaza point points " +
    "pass passage path pike ridge run route rte union unions gateway cove coves park parks extension extensions " +
    "forge forges crossing crossroad junction loop mall manor manors meadow meadows mill mills orchard oval " +
    "overpass pines plain plains port ports prairie ramp ranch rapids rest shoal shoals shore shores skyway " +
    "spring springs spur station stravenue stream summit throughway trace track trafficway tunnel turnpike " +
    "underpass valley valleys viaduct view views village villages ville vista wall well wells branch bridge brook " +
    "brooks burg burgs bypass camp canyon cape causeway center centers cliff cliffs club common corner corners " +
    "course creek crest curve dale dam divide estate estates falls ferry field fields flat flats ford fords " +
    "forest fork forks fort glen glens green greens harbor harbour haven heights hill hills hollow inlet island " +
    "islands isle key keys knoll knolls lake lakes land landing light lights loaf lock locks lodge mission mount " +
    "mountain mountains neck radial embankment quay wharf parade esplanade broadway gate str sq").split(" "),
);

/** Suffixes that are unambiguous street types ("fourth avenue" is a street, "its mission" is not). */
export const STRONG_SUFFIXES = new Set(
  "street st avenue ave road rd boulevard blvd lane ln drive dr terrace crescent parkway highway".split(" "),
);

/** Street types written before the name, in the languages of Europe, Latin America and North Africa. */
export const STREET_PREFIXES = new Set(
  ("rua avenida avda avd av via viale vicolo piazza corso largo strada calle carrera camino paseo plaza travessa " +
    "alameda estrada rodovia praça rue avenue boulevard bd allée chemin quai impasse place route cours " +
    "ul ulica al aleja os pl plac utca út u tér körút rkp trg str strada bulevardul aleea " +
    "odos leoforos λ λεωφ λεωφόρος οδός οδ πλ " +
    "gade vej vegen veien gatan gata vägen stræde " +
    "ulitsa prospekt вул ул улица проспект").split(" "),
);

/**
 * Endings of one-word street names in Germanic, Nordic, Baltic, Finnic and Central European languages
 * ("Puruntie", "Kiannonkatu", "Søndergade", "Þorsteinsgata", "Villacher Strasse").
 */
export const STREET_ENDINGS = (
  "strasse straße str gasse weg platz allee ring damm ufer chaussee steig pfad " +
  "gata gatan gade vej vegen veien vägen väg gränd stræde stræti straeti braut stígur vegur torg " +
  "tie katu kuja polku kaari raitti rinne ranta väylä tee tänav maantee puiestee iela gatve prospektas " +
  "laan straat plein gracht dijk kade singel " +
  "utca útja sétány körút ulica cesta ulice náměstí třída trg"
).split(" ");

/** Words for the unit within a building ("Apt. 595", "Suite 501"). */
export const UNIT_WORDS = new Set("apt apartment suite ste unit flat floor fl room rm bldg building block lot".split(" "));

/** Unit words strong enough to mark an address on their own. */
export const STANDALONE_UNIT_WORDS = new Set("apt apartment suite ste".split(" "));
