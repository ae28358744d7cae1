package io.phistream.detector;

/**
 * The eighteen HIPAA Safe Harbor identifier categories, 45 CFR 164.514(b)(2)(i)(A)-(R).
 * Counts, metrics and audit records name PHI by this type only, never by value.
 */
public enum PhiType {
    /** (A) names of the patient, relatives, employers or household members. */
    NAME("nam"),
    /** (B) geographic subdivisions smaller than a state: street, city, county, ZIP, geocodes. */
    GEO("geo"),
    /** (C) date elements (except year) related to an individual. */
    DATE("dat"),
    /** (C) ages over 89 and dates indicating them. */
    AGE("age"),
    /** (D) telephone numbers. */
    PHONE("tel"),
    /** (E) fax numbers. */
    FAX("fax"),
    /** (F) email addresses. */
    EMAIL("eml"),
    /** (G) social security numbers. */
    SSN("ssn"),
    /** (H) medical record numbers. */
    MRN("mrn"),
    /** (I) health plan beneficiary numbers. */
    HEALTH_PLAN("hpn"),
    /** (J) account numbers. */
    ACCOUNT("acc"),
    /** (K) certificate and license numbers. */
    LICENSE("lic"),
    /** (L) vehicle identifiers, serial numbers and license plates. */
    VEHICLE("veh"),
    /** (M) device identifiers and serial numbers. */
    DEVICE("dev"),
    /** (N) web URLs. */
    URL("url"),
    /** (O) IP addresses. */
    IP("ipa"),
    /** (P) biometric identifiers. */
    BIOMETRIC("bio"),
    /** (Q) full-face photographs and comparable images. */
    PHOTO("pho"),
    /** (R) any other unique identifying number, characteristic or code. */
    OTHER_ID("oid");

    private final String code;

    PhiType(String code) {
        this.code = code;
    }

    /** Three-letter code used in token prefixes and compact reports; stable across releases. */
    public String code() {
        return code;
    }

    public static PhiType fromCode(String code) {
        for (PhiType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown PHI type code");
    }
}
