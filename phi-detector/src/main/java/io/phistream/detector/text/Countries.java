package io.phistream.detector.text;

import java.util.Set;

/**
 * Countries (and a few regions written like them), folded. Safe Harbor does not count them as places, so the place
 * recognizer never tags one alone (it tells that a town before it is one), and the name recognizer does not read them
 * as names, except those that are also common given names or surnames. Hand-written: no country list ships with the
 * lexicons, and a lexicon flag would also mark the US towns of the same names.
 */
final class Countries {

    private static final Set<String> ALL = Set.of(
            "CHINA", "JAMAICA", "IRELAND", "ENGLAND", "SCOTLAND", "WALES", "FRANCE", "ITALY", "SPAIN", "GERMANY",
            "POLAND", "RUSSIA", "UKRAINE", "MEXICO", "CANADA", "BRAZIL", "ARGENTINA", "CHILE", "PERU", "CUBA",
            "HAITI", "JAPAN", "KOREA", "VIETNAM", "NIGERIA", "GHANA", "ETHIOPIA", "SOMALIA", "EGYPT", "IRAN", "IRAQ",
            "SYRIA", "LEBANON", "PAKISTAN", "AFGHANISTAN", "PHILIPPINES", "INDONESIA", "AUSTRALIA", "PORTUGAL",
            "GREECE", "TURKEY", "ROMANIA", "ALBANIA", "GUATEMALA", "HONDURAS", "COLOMBIA", "ECUADOR", "VENEZUELA",
            "BOLIVIA", "NORWAY", "SWEDEN", "DENMARK", "FINLAND", "AUSTRIA", "SWITZERLAND", "BELGIUM", "NETHERLANDS",
            "HOLLAND", "LIBERIA", "UGANDA", "SUDAN", "YEMEN", "NEPAL", "BANGLADESH", "CAMBODIA", "LAOS", "THAILAND",
            "TAIWAN", "INDIA", "ISRAEL", "JORDAN", "KENYA", "GEORGIA", "ARMENIA", "CHAD", "MOROCCO", "ALGERIA",
            "TUNISIA", "LIBYA", "SENEGAL", "CAMEROON", "CONGO", "ANGOLA", "ZAMBIA", "ZIMBABWE", "TANZANIA", "RWANDA",
            "ERITREA", "MALAYSIA", "SINGAPORE", "MONGOLIA", "BURMA", "MYANMAR", "SRI LANKA", "SAUDI ARABIA",
            "UNITED STATES", "UNITED KINGDOM", "SOUTH KOREA", "NORTH KOREA", "SOUTH AFRICA", "NEW ZEALAND",
            "COSTA RICA", "EL SALVADOR", "DOMINICAN REPUBLIC", "CAPE VERDE", "SIERRA LEONE", "IVORY COAST", "HUNGARY",
            "CZECHIA", "SLOVAKIA", "SERBIA", "CROATIA", "BOSNIA", "BULGARIA", "LITHUANIA", "LATVIA", "ESTONIA",
            "BELARUS", "MOLDOVA", "ICELAND", "NICARAGUA", "PANAMA", "PARAGUAY", "URUGUAY", "BELIZE", "BARBADOS",
            "TRINIDAD", "GRENADA", "BAHAMAS", "BERMUDA", "GUYANA", "SURINAME", "UZBEKISTAN", "KAZAKHSTAN",
            "TAJIKISTAN", "KYRGYZSTAN", "BHUTAN", "TIBET", "QATAR", "KUWAIT", "OMAN", "BAHRAIN", "CYPRUS", "MALTA",
            "LUXEMBOURG", "MONACO", "SLOVENIA", "MACEDONIA", "KOSOVO", "MONTENEGRO", "FIJI", "SAMOA", "TONGA",
            "MADAGASCAR", "MOZAMBIQUE", "MALAWI", "BOTSWANA", "NAMIBIA", "MALI", "NIGER", "BENIN", "TOGO", "GUINEA",
            "GAMBIA", "BURUNDI", "DJIBOUTI", "GABON", "GUAM");

    /** Countries that are also common given names or surnames: a person is likelier ("Jordan", "Holland RN"). */
    private static final Set<String> ALSO_NAMES = Set.of("JORDAN", "GEORGIA", "INDIA", "ISRAEL", "KENYA", "CHAD",
            "HOLLAND", "ENGLAND", "WALES", "IRELAND", "FRANCE");

    /**
     * The one-word countries that are not also names, for {@link Scan#isAny(int, Words)}: a token's key is one word, so
     * it is one of these exactly when {@link #isCountryNotName} holds for it.
     */
    static final Words NOT_NAMES = Words.of(ALL.stream().filter(c -> c.indexOf(' ') < 0 && !ALSO_NAMES.contains(c))
            .sorted().toArray(String[]::new));

    /**
     * The first words of the countries of more than one word ("SRI" of "SRI LANKA"), for {@link Scan#isAny(int, Words)}:
     * words can name such a country only when the first is one of these, so their joined key is built only then.
     */
    static final Words FIRST_OF_SEVERAL = Words.of(ALL.stream().filter(c -> c.indexOf(' ') > 0)
            .map(c -> c.substring(0, c.indexOf(' '))).distinct().sorted().toArray(String[]::new));

    /**
     * The one-word countries, for {@link Scan#isAny(int, Words)}: a token's key is one word, so it is one of these
     * exactly when {@link #isCountry} holds for it.
     */
    static final Words ONE_WORD = Words.of(ALL.stream().filter(c -> c.indexOf(' ') < 0).sorted()
            .toArray(String[]::new));

    private Countries() {
    }

    /** Whether the folded words (one, or several joined by single spaces) name a country. */
    static boolean isCountry(String folded) {
        return ALL.contains(folded);
    }

    /** Whether the folded word names a country and is not also a common name. */
    static boolean isCountryNotName(String folded) {
        return ALL.contains(folded) && !ALSO_NAMES.contains(folded);
    }
}
