package io.phistream.synthetic;

import java.util.List;

/**
 * A fake patient. Every value is invented; none belongs to a real person.
 *
 * @param birthDate YYYYMMDD
 * @param sex       HL7 table 0001 code: F or M
 * @param phoneWork empty when the patient has no work phone
 * @param email     empty when the patient has no e-mail address
 * @param relatives at least one next of kin
 */
public record SyntheticPatient(String mrn, String assigningAuthority, String ssn, String family, String given,
                               String middle, String birthDate, String sex, String street, String city,
                               String state, String zip, String phoneHome, String phoneWork, String email,
                               String accountNumber, String healthPlanId, String driversLicense,
                               List<Relative> relatives) {

    public SyntheticPatient {
        relatives = List.copyOf(relatives);
    }

    /**
     * A next of kin.
     *
     * @param relationship HL7 table 0063 code, e.g. SPO, MTH, FTH, DAU, SON, BRO, SIS, FND, GRD
     */
    public record Relative(String family, String given, String relationship, String phone) {
    }

    /** SSN digits only, as written in PID-3 (e.g. "123456789"). */
    public String ssnDigits() {
        return ssn.replace("-", "");
    }
}
