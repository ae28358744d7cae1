package io.phistream.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Built-in word lists. Names come from names.tsv (public-domain SSA and Census lists); the rest is typed here. */
final class Lexicon {

    record City(String name, String state, String zip3, String areaCode) {
    }

    record Facility(String code, String oid, String mrnPrefix) {
    }

    record Payer(String planCode, String planName, String payerId, String companyName) {
    }

    record Condition(String text, String icd10, String icdText, int minAge, int maxAge) {
    }

    static final String[] FEMALE;
    static final String[] MALE;
    static final String[] FAMILY;
    private static final Set<String> FEMALE_SET;

    static {
        List<String> f = new ArrayList<>();
        List<String> m = new ArrayList<>();
        List<String> s = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource io/phistream/synthetic/names.tsv missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String name = line.substring(2);
                switch (line.charAt(0)) {
                    case 'F' -> f.add(name);
                    case 'M' -> m.add(name);
                    case 'S' -> s.add(name);
                    default -> throw new IllegalStateException("names.tsv: bad line kind");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FEMALE = f.toArray(String[]::new);
        MALE = m.toArray(String[]::new);
        FAMILY = s.toArray(String[]::new);
        FEMALE_SET = new HashSet<>(f);
    }

    static boolean isFemale(String given) {
        return FEMALE_SET.contains(given);
    }

    /**
     * Real place names with plausible ZIP3 prefixes and area codes. The last ten have ZIP3 areas of 20,000
     * people or fewer (HHS list), so a Safe Harbor ZIP rule must turn them into 000.
     */
    static final City[] CITIES = {
        new City("Boston", "MA", "021", "617"), new City("Worcester", "MA", "016", "508"),
        new City("Springfield", "MA", "011", "413"), new City("Providence", "RI", "029", "401"),
        new City("Hartford", "CT", "061", "860"), new City("New Haven", "CT", "065", "203"),
        new City("Albany", "NY", "122", "518"), new City("Buffalo", "NY", "142", "716"),
        new City("Rochester", "NY", "146", "585"), new City("Newark", "NJ", "071", "973"),
        new City("Trenton", "NJ", "086", "609"), new City("Philadelphia", "PA", "191", "215"),
        new City("Pittsburgh", "PA", "152", "412"), new City("Baltimore", "MD", "212", "410"),
        new City("Richmond", "VA", "232", "804"), new City("Raleigh", "NC", "276", "919"),
        new City("Charlotte", "NC", "282", "704"), new City("Atlanta", "GA", "303", "404"),
        new City("Jacksonville", "FL", "322", "904"), new City("Orlando", "FL", "328", "407"),
        new City("Tampa", "FL", "336", "813"), new City("Birmingham", "AL", "352", "205"),
        new City("Nashville", "TN", "372", "615"), new City("Memphis", "TN", "381", "901"),
        new City("Louisville", "KY", "402", "502"), new City("Columbus", "OH", "432", "614"),
        new City("Cleveland", "OH", "441", "216"), new City("Detroit", "MI", "482", "313"),
        new City("Grand Rapids", "MI", "495", "616"), new City("Indianapolis", "IN", "462", "317"),
        new City("Chicago", "IL", "606", "312"), new City("Milwaukee", "WI", "532", "414"),
        new City("Madison", "WI", "537", "608"), new City("Minneapolis", "MN", "554", "612"),
        new City("Des Moines", "IA", "503", "515"), new City("Saint Louis", "MO", "631", "314"),
        new City("Kansas City", "MO", "641", "816"), new City("Omaha", "NE", "681", "402"),
        new City("Wichita", "KS", "672", "316"), new City("Oklahoma City", "OK", "731", "405"),
        new City("Dallas", "TX", "752", "214"), new City("Houston", "TX", "770", "713"),
        new City("San Antonio", "TX", "782", "210"), new City("Austin", "TX", "787", "512"),
        new City("Albuquerque", "NM", "871", "505"), new City("Denver", "CO", "802", "303"),
        new City("Salt Lake City", "UT", "841", "801"), new City("Phoenix", "AZ", "850", "602"),
        new City("Tucson", "AZ", "857", "520"), new City("Boise", "ID", "837", "208"),
        new City("Portland", "OR", "972", "503"), new City("Seattle", "WA", "981", "206"),
        new City("Spokane", "WA", "992", "509"), new City("Sacramento", "CA", "958", "916"),
        new City("Fresno", "CA", "937", "559"), new City("San Diego", "CA", "921", "619"),
        new City("Honolulu", "HI", "968", "808"), new City("Anchorage", "AK", "995", "907"),
        // small ZIP3 areas
        new City("Charlestown", "NH", "036", "603"), new City("Island Pond", "VT", "059", "802"),
        new City("Grand Marais", "MN", "556", "218"), new City("Valentine", "NE", "692", "402"),
        new City("Rawlins", "WY", "823", "307"), new City("Jackson", "WY", "830", "307"),
        new City("Socorro", "NM", "878", "575"), new City("Truth or Consequences", "NM", "879", "575"),
        new City("Tucumcari", "NM", "884", "575"), new City("Ely", "NV", "893", "775"),
    };

    static final String[] STREET_NAMES = {"Oak", "Maple", "Cedar", "Pine", "Elm", "Walnut", "Chestnut", "Birch",
        "Willow", "Spruce", "Hickory", "Magnolia", "Sycamore", "Lake", "Hill", "Park", "River", "Meadow", "Forest",
        "Ridge", "Valley", "Spring", "Highland", "Sunset", "Lincoln", "Washington", "Jefferson", "Franklin",
        "Church", "Mill", "Main", "High", "Center", "School", "Prospect", "Union", "Bridge", "Cherry", "Orchard",
        "Grove", "Harbor", "Summit", "Fairview", "Lakeview", "Woodland", "Railroad", "Juniper", "Aspen",
        "Dogwood", "Laurel", "Poplar", "Cypress", "Sassafras", "Heron", "Kestrel", "Quarry", "Foxglove"};

    static final String[] STREET_SUFFIXES = {"St", "Ave", "Rd", "Lane", "Dr", "Ct", "Blvd", "Way", "Pl",
        "Terrace", "Street", "Avenue", "Road", "Circle"};

    static final Facility[] FACILITIES = {
        new Facility("GHH", "2.16.840.1.113883.3.72.5.9.1", "GH"),
        new Facility("MVH", "2.16.840.1.113883.3.72.5.9.2", "MV"),
        new Facility("NWMC", "2.16.840.1.113883.3.72.5.9.3", "NW"),
    };

    static final Payer[] PAYERS = {
        new Payer("BCBS-PPO", "Blue Cross PPO", "60054", "Blue Cross Blue Shield"),
        new Payer("AET-HMO", "Aetna HMO", "60054", "Aetna"),
        new Payer("UHC-CHOICE", "UHC Choice Plus", "87726", "UnitedHealthcare"),
        new Payer("CIG-OAP", "Cigna Open Access", "62308", "Cigna"),
        new Payer("HUM-MA", "Humana Medicare Advantage", "61101", "Humana"),
        new Payer("MCD", "State Medicaid", "77027", "Medicaid"),
    };

    static final Condition[] CONDITIONS = {
        new Condition("community-acquired pneumonia", "J18.9", "Pneumonia, unspecified organism", 0, 120),
        new Condition("an exacerbation of heart failure", "I50.9", "Heart failure, unspecified", 30, 120),
        new Condition("cellulitis of the left lower leg", "L03.116", "Cellulitis of left lower limb", 2, 120),
        new Condition("a COPD exacerbation", "J44.1", "COPD with (acute) exacerbation", 40, 120),
        new Condition("sepsis secondary to a urinary tract infection", "A41.9", "Sepsis, unspecified organism", 0, 120),
        new Condition("atrial fibrillation with rapid ventricular response", "I48.91", "Atrial fibrillation", 40, 120),
        new Condition("chest pain, acute coronary syndrome ruled out", "R07.9", "Chest pain, unspecified", 25, 120),
        new Condition("diabetic ketoacidosis", "E10.10", "Type 1 diabetes with ketoacidosis", 5, 60),
        new Condition("a right hip fracture after a fall at home", "S72.001A", "Fracture of right femur", 55, 120),
        new Condition("acute kidney injury", "N17.9", "Acute kidney failure, unspecified", 18, 120),
        new Condition("a gastrointestinal bleed", "K92.2", "Gastrointestinal hemorrhage, unspecified", 18, 120),
        new Condition("bronchiolitis", "J21.9", "Acute bronchiolitis, unspecified", 0, 2),
    };

    /**
     * Clinical sentences without PHI. Some carry HL7 escape sequences (\T\ = &amp;, \S\ = ^, \R\ = ~, \F\ = |,
     * \E\ = backslash) and some use words that are also given names (will, may, hope, mark).
     */
    static final String[] NOTE_LINES = {
        "Vitals stable overnight; afebrile.",
        "Will continue IV antibiotics and reassess in the morning.",
        "May advance diet as tolerated.",
        "We hope to wean supplemental oxygen over the next 24 hours.",
        "Lungs with scattered crackles at the bases, no wheeze.",
        "Ambulating in the hall with physical therapy.",
        "Mark intake and output; daily weights.",
        "Plan: CBC \\T\\ BMP in AM.",
        "WBC 11.2 x10\\S\\9/L, trending down.",
        "Net fluid balance \\R\\-1.5 L since admission.",
        "Home medications reconciled \\F\\ see MAR.",
        "Scanned consent filed under H:\\E\\Notes\\E\\consent.pdf.",
        "Pain controlled on oral analgesia.",
        "Discussed code status; full code.",
    };

    static final String[] LAB_COMMENTS = {
        "Hemolyzed specimen \\T\\ repeat requested.",
        "WBC 11.2 x10\\S\\9/L confirmed by smear review.",
        "Approx. \\R\\4 mL drawn from the left antecubital vein.",
        "Reference ranges per adult panel \\F\\ see lab manual.",
        "Specimen received on ice.",
        "Fasting status confirmed.",
    };

    private Lexicon() {
    }
}
