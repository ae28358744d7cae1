package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.text.eval.EvalReport;
import io.phistream.detector.text.eval.Evaluator;
import io.phistream.detector.text.eval.GoldDocument;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Figures on hand-written ICU nursing notes (terse ALL-CAPS MICU/CCU/SICU/NICU progress notes, lower-case and
 * mixed-case notes; synthetic, labelled by hand in {@code heldout/*.src.txt}). Batch 1 was written and scored once
 * before any detector change (its first-pass figures are in README-text.md); later rules were written after studying
 * its errors, so it is now a regression guard. Batch 2 was written after those changes and scored once without further
 * tuning. Batch 3 (other units and note habits) was written and scored once before the third round of rules, which
 * were then written from its errors; batch 4 was written after them and scored once without further changes. Batch 5
 * (mostly lower-case notes with scattered capitals) was written and scored once before the round-4 case rules, which
 * were then written from its errors, so it is a regression guard, not a blind figure. Batch 6 (other disciplines:
 * respiratory therapy, pharmacy, nutrition, wound care, chaplaincy, telephone encounters, transfer forms) was written
 * after the round-4 rules and scored once before the round-5 rules, which were then written from its errors; batch 7
 * (discharge summaries, operative and radiology reports, letters, social work, hospice) likewise before round 6. The
 * floors sit a little under the figures reached; they guard against regressions and are not claims. Batches 8 (ICU
 * nursing notes in the PhysioNet corpus's manner) and 9 (ED, hospitalist, NICU, psychiatry, obstetrics, EMS) were
 * written by other hands than the detector's, blind to its rules, and scored once before the round-7 rules written
 * from them; so were batches 10-15 (ALL-CAPS ICU notes, hospitals outside New England, MIMIC-era nursing notes,
 * longitudinal outpatient records, Mid-Atlantic ICU notes, safety-net hospital notes) and 16-21, each before the rules
 * written from it; batches 22-23 (Southwest diagnostic and procedural reports; home health, hospice, portal and
 * billing text rich in the rarer identifiers) before round 13; 24-25 (Appalachian behavioral health, California
 * pediatrics) before round 14; 26-27 (oncology and transplant; EMS, trauma and long-term care) before round 15; 28-29
 * (VA and military health; refugee and immigration-detention health) before round 16; 30-31 (obstetrics and NICU;
 * specialty clinics, dictation and scanned forms) before round 17; 32-33 (public-health investigations; Gulf Coast
 * dictated inpatient documents) before round 18; 34-35 (phone triage, chat and portal text; Alaska and the Pacific)
 * before round 19; 36-37 (Midwest psychiatry; oil-patch occupational medicine) before round 20; 38-41 (ICU, step-down,
 * pediatric and neonatal ICU nursing notes from the Midwest, California, Texas and Ohio/Pennsylvania/New York) before
 * round 21; 42-45 (Appalachian and Deep South, cardiac surgery, Florida elders, northern Plains ICU notes) before
 * round 22; 46-49 (northern New England, Boston A/A/R/P notes, Louisiana and Mississippi, the Southwest) before
 * round 23; 50-53 (Pacific Northwest, New York, PhysioNet-style Pittsburgh/Philadelphia/Baltimore, Southeast neuro ICU)
 * before round 24; 54-57 (Ohio/Michigan/Indiana MICU, Mountain West trauma and burn, New Jersey/Delaware/DC cardiac,
 * Plains MICU and LTACH) before round 25; 58-61 (Upper Midwest transplant and surgical ICU, Deep South MICU, California
 * and Nevada NICU/PICU, Northeast cardiac and neuro ICU) before round 26; 62-65 (MIMIC-style Boston, Gulf Coast,
 * Carolinas and Virginia, Four Corners) before round 27; 66-69 (MIMIC-style Boston, Kentucky/West Virginia/Ohio,
 * Hawaii and Alaska, Florida and south Georgia) before round 28; 70-73 (MIMIC-style Boston TSICU and CCU/CSRU, inland
 * Northwest, Great Lakes cities) before round 29; 74-77 (MIMIC-style Boston MICU/SICU and neuro/CCU/CSRU, northern New
 * England, Panhandle and Plains) after it, scored once and kept blind (no rule written from them yet; their floors sit
 * just under the first-sight figures). The token model ({@link TokenClassifier}) was trained on batches 1-77; 78-81
 * (MIMIC-style Boston, the Southwest, New York) and 82-85 (MIMIC-style Boston, the Upper Midwest, California) were
 * written after it by other hands and scored once with the rules alone and with the model at its first threshold (0.3);
 * nothing was written or tuned from them. The threshold was then lowered to 0.15 by cross-validation on 1-77 (see
 * README-text, round 31), and the older batches' precision floors came down with it; 86-89 (MIMIC-style Boston, the
 * Pacific Northwest, the Deep South) were written after that and scored once with all three; 90-93 (MIMIC-style Boston,
 * Appalachia, Florida) in the ninth session, scored once with the rules alone and the shipped model; the model was then
 * retrained on 1-89 (v2, same settings, threshold again 0.15 by the same cross-validation rule), and 94-97 (MIMIC-style
 * Boston, the Mountain West, Mid-Atlantic cities) were written and scored once with the rules, v1 and v2; its threshold
 * was then lowered to 0.07 by a second cross-validation rule (precision >= 0.85 on every split), and 98-101 (MIMIC-style
 * Boston, Great Lakes cities, Texas) were written and scored once at 0.15 and 0.07; 102-105 (MIMIC-style Boston,
 * Hawaii/Alaska/Guam, the Carolinas and Virginia) after that, scored once with the shipped model. In the tenth session
 * the model learned to judge short dates too and was retrained on 1-105 (v3, README-text round 33); 106-113
 * (MIMIC-style Boston, the Deep South, the Pacific Northwest, the Upper Midwest) were written after that and scored once
 * with the rules, v2 and v3 ("first sight", at 0.05); v3 was then gated so that it never reads a dose or a score as a date
 * and retrained, at 0.07 ("shipped v3", a second look); 114-121 (MIMIC-style Boston, Arizona and New Mexico, New York
 * City, Southern California) were written after that and scored once with the rules, v2 and the shipped v3. The model
 * then learned dotted initials and ordinal days too and was retrained on 1-121 (v4); 122-129 (MIMIC-style Boston,
 * Nevada/Utah/Colorado, Georgia/Tennessee, Chicago) were written after that and scored once with the rules, v3 and v4
 * at 0.05 ("first sight"); v4 was then gated so that an ordinal before what it counts ("4th ICS") is no candidate and
 * retrained, at 0.07 ("shipped v4", a second look); 130-137 (MIMIC-style Boston, Kentucky/Indiana/Ohio, northern New
 * England and upstate New York, Oklahoma/Arkansas/Missouri) after that, scored once with the rules, v3 and the shipped
 * v4; 138-145 (MIMIC-style Boston, Alabama/Mississippi, DC/Maryland/Virginia, the northern Plains) after that, scored
 * once with the rules, v4 and a title-gated candidate that was not shipped. The model then learned ages over 89 too and
 * was retrained on 1-145 (v5); 146-153 (MIMIC-style Boston, Louisiana/east Texas, Pennsylvania/New Jersey, the Central
 * Valley) were written after that and scored once with the rules, v4 and v5; 154-161 (MIMIC-style Boston, the Upper
 * Midwest, Appalachia, the Southwest, the Pacific Northwest, the Deep South) in the eleventh session, scored once with the
 * rules and the shipped v5, unchanged; 162-169 (MIMIC-style Boston, Florida, the Texas Gulf Coast, the Great Lakes, New York
 * City, the Mountain West) after them, kept unread until round 34's rules were decided and then scored once with the
 * rules, v5 under round 33's rules, v5 under round 34's (shipped) and a v6 that was not shipped; 170-177 (MIMIC-style
 * Boston, the Carolinas, Ohio, the Gulf, Southern California, Alaska and the Pacific) after them, kept unread until
 * round 35's rules (false positives removed) were decided, then scored once with the rules, round 34 and round 35;
 * 178-185 (MIMIC-style Boston, Chicago, Puerto Rico, the Plains, Tennessee, northern New England) after them, kept
 * unread until round 36 was decided, then scored once with the rules, round 35 and round 36; 186-193 (MIMIC-style
 * Boston, south Texas, Georgia and the Carolinas, the Twin Cities and Milwaukee, New Jersey, Oregon and Washington)
 * after them, kept unread until round 37 was decided, then scored once with the rules, round 36 and round 37;
 * 194-201 (MIMIC-style Boston, Colorado and New Mexico, Alabama, upstate New York, Arkansas and Oklahoma, the
 * Chesapeake) after them, kept unread until round 38 was decided, then scored once with the rules, round 37 and 38;
 * 202-209 (MIMIC-style Boston, Louisiana and Mississippi, Ohio and Indiana, the Pacific Northwest and Alaska, the Texas
 * border, the Upper Midwest) after them, kept unread until round 39 was decided, then scored once with the rules, round
 * 38 and round 39; 210-217 (MIMIC-style Boston, Georgia and the Carolinas, the Upper Peninsula, Arizona and Nevada,
 * Kentucky and Tennessee, Hawaii and the Pacific) after them, kept unread until round 40 was decided, then scored once
 * with the rules, round 39 and round 40; 218-225 (MIMIC-style Boston, Pennsylvania and New Jersey, Missouri and
 * Kansas, Utah, Idaho and Wyoming, Florida, northern New England) after them, kept unread until round 41 was decided,
 * then scored once with the rules, round 40 and round 41; 226-233 (MIMIC-style Boston, New York City, Iowa and
 * Nebraska, California, Mississippi and Alabama, New Mexico and west Texas) after them, kept unread until round 42 (false
 * positives removed) was decided, then scored once with the rules, round 41 and round 42; 234-237 (MIMIC-style Boston,
 * Washington, Oregon and Alaska, an Ohio and Kentucky children's hospital, Puerto Rico and Florida) in the eighteenth
 * session, scored once with the rules and round 42 before round 43 was written from them; 238-241 (MIMIC-style Boston,
 * Michigan, Houston and the Texas Gulf, Montana and the Dakotas) in the nineteenth, scored once with the rules and round
 * 43 with model v5, then with the token model v7 (trained on 1-237, each line also a text) decided before they were
 * read, which ships; 242-245 (New York, the Deep South, California, Appalachia) in the twenty-second, scored once with
 * round 44 before round 45 was written from their misses; 246-247 (the Pacific Northwest, Minnesota and Wisconsin) in
 * the twenty-third, scored once with round 45 (precision counted as right predictions over predictions since then).
 * Rows before 122 give the figures of the
 * model shipped when they were written. Every precision floor is 0.01 under what the shipped model reaches, where it was higher. Each row:
 * batch, notes, floors, style and the first-pass figures ("ours": written by the detector's maintainer; README-text.md has the full
 * account).
 */
class HeldOutNotesTest {
    // quality, not speed: a generous budget keeps a loaded machine from failing notes closed
    private final Evaluator evaluator = new Evaluator(TextPhiDetector.withConfig(
            TextPhiDetector.Config.DEFAULT.withTimeBudget(java.time.Duration.ofSeconds(10))));

    static Stream<Arguments> batches() {
        return Stream.of(
                batch(1, 61, 0.97, 0.95, "ICU nursing notes", "first pass P 0.938 / R 0.919 (ours)"),
                batch(2, 20, 0.95, 0.95, "ICU nursing notes", "blind P 0.965 / R 0.922 (ours)"),
                batch(3, 51, 0.97, 0.91, "ED, oncology, psychiatry, L&D, NICU", "first pass P 0.949 / R 0.939 (ours)"),
                batch(4, 20, 0.97, 0.93, "other units and habits", "blind P 0.968 / R 0.953 (ours)"),
                batch(5, 12, 0.96, 0.87, "lower-case notes with scattered capitals", "blind P 0.917 / R 0.564 (ours)"),
                batch(6, 26, 0.97, 0.94, "therapy, pharmacy, wound, chaplaincy", "blind P 0.974 / R 0.943 (ours)"),
                batch(7, 15, 0.96, 0.95, "discharge, operative, radiology, letters", "blind P 0.959 / R 0.959 (ours)"),
                batch(8, 22, 0.98, 0.93, "PhysioNet-style ICU nursing notes", "blind P 0.958 / R 0.973"),
                batch(9, 22, 0.98, 0.93, "ED, hospitalist, NICU, psych, OB, EMS", "blind P 0.959 / R 0.927"),
                batch(10, 22, 0.98, 0.91, "ALL-CAPS ICU nursing notes", "blind P 0.957 / R 0.968"),
                batch(11, 22, 0.98, 0.91, "hospitals outside New England", "blind P 0.955 / R 0.945"),
                batch(12, 24, 0.98, 0.93, "MIMIC-era Boston ICU nursing notes", "blind P 0.933 / R 0.979"),
                batch(13, 20, 0.98, 0.93, "i2b2-style longitudinal records", "blind P 0.961 / R 0.920"),
                batch(14, 24, 0.96, 0.94, "Mid-Atlantic and Great Lakes ICU notes", "blind P 0.965 / R 0.941"),
                batch(15, 21, 0.97, 0.92, "Southeast and Texas safety-net notes", "blind P 0.980 / R 0.953"),
                batch(16, 22, 0.97, 0.91, "West and Mountain ICU notes", "blind P 0.936 / R 0.971"),
                batch(17, 20, 0.97, 0.90, "Upper Midwest clinic notes", "blind P 0.957 / R 0.968"),
                batch(18, 25, 0.95, 0.94, "New York area ICU notes", "blind P 0.952 / R 0.919"),
                batch(19, 24, 0.97, 0.81, "HL7 NTE/OBX and FHIR annotation text", "blind P 0.894 / R 0.978"),
                batch(20, 23, 0.94, 0.98, "Southern ICU and step-down notes", "blind P 0.972 / R 0.929"),
                batch(21, 24, 0.95, 0.91, "PhysioNet-style Boston ICU notes", "blind P 0.966 / R 0.947"),
                batch(22, 23, 0.96, 0.81, "Southwest reports: radiology, pathology, operative", "blind P 0.888 / R 0.959"),
                batch(23, 26, 0.97, 0.89, "home health, hospice, portal, billing: rare identifiers",
                        "blind P 0.940 / R 0.931"),
                batch(24, 24, 0.97, 0.88, "Appalachian and Rust Belt behavioral health and addiction",
                        "blind P 0.955 / R 0.958"),
                batch(25, 23, 0.96, 0.83, "California and Pacific pediatrics and child welfare",
                        "blind P 0.910 / R 0.955"),
                batch(26, 23, 0.97, 0.85, "oncology, transplant and genetics referral centres",
                        "blind P 0.953 / R 0.960"),
                batch(27, 23, 0.95, 0.87, "Oklahoma, Texas and Louisiana EMS, trauma and long-term care",
                        "blind P 0.968 / R 0.938"),
                batch(28, 23, 0.96, 0.75, "Veterans Affairs and military health in the Southeast",
                        "blind P 0.945 / R 0.932"),
                batch(29, 22, 0.92, 0.83, "refugee, asylum and immigration-detention health",
                        "blind P 0.912 / R 0.905"),
                batch(30, 21, 0.96, 0.91, "Ohio Valley obstetrics, L&D, NICU and home visiting",
                        "blind P 0.966 / R 0.954"),
                batch(31, 21, 0.97, 0.88, "Mid-Atlantic specialty clinics, dictation, faxes and OCR",
                        "blind P 0.960 / R 0.949"),
                batch(32, 21, 0.96, 0.92, "interior-West public health: investigations, line lists, school logs",
                        "blind P 0.967 / R 0.931"),
                batch(33, 21, 0.97, 0.94, "Gulf Coast dictated inpatient documents",
                        "blind P 0.988 / R 0.969"),
                batch(34, 26, 0.94, 0.94, "northern-Rockies phone triage, secure chat, portal and call-center text",
                        "blind P 0.979 / R 0.927"),
                batch(35, 22, 0.93, 0.88, "Alaska, Hawaii and Pacific islands: village clinics, medevac, FQHCs",
                        "blind P 0.956 / R 0.921"),
                batch(36, 19, 0.96, 0.90, "urban-Midwest psychiatry: holds, forensic, crisis lines, restraint logs",
                        "blind P 0.972 / R 0.954"),
                batch(37, 19, 0.90, 0.89, "Plains and oil-patch occupational medicine and workers' compensation",
                        "blind P 0.958 / R 0.898"),
                batch(38, 47, 0.98, 0.92, "Midwest ICU and step-down nursing notes", "blind P 0.935 / R 0.957"),
                batch(39, 45, 0.96, 0.92, "California ICU and step-down nursing notes", "blind P 0.930 / R 0.946"),
                batch(40, 49, 0.97, 0.92, "Texas nursing progress notes in the PhysioNet manner",
                        "blind P 0.930 / R 0.958"),
                batch(41, 45, 0.97, 0.84, "pediatric, neonatal and cardiac ICU notes (Ohio, Pennsylvania, New York)",
                        "blind P 0.878 / R 0.944"),
                batch(42, 46, 0.95, 0.89, "burn, trauma and neuro ICU notes in the Deep South and Appalachia",
                        "blind P 0.962 / R 0.944"),
                batch(43, 46, 0.97, 0.94, "cardiothoracic ICU, ECMO and heart-failure step-down notes",
                        "blind P 0.965 / R 0.977"),
                batch(44, 45, 0.96, 0.90, "Florida ICU and telemetry notes among retirees and snowbirds",
                        "blind P 0.964 / R 0.949"),
                batch(45, 47, 0.96, 0.90, "northern Plains referral and critical-access ICU notes",
                        "blind P 0.945 / R 0.945"),
                batch(46, 45, 0.94, 0.87, "northern New England and western Massachusetts ICU notes",
                        "blind P 0.938 / R 0.936"),
                batch(47, 49, 0.97, 0.94, "Boston ICU nursing notes, Assessment/Action/Response/Plan",
                        "blind P 0.967 / R 0.972"),
                batch(48, 45, 0.96, 0.93, "Louisiana, Mississippi and Arkansas ICU notes", "blind P 0.951 / R 0.965"),
                batch(49, 46, 0.94, 0.88, "Southwest ICU, burn and trauma notes", "blind P 0.937 / R 0.944"),
                batch(50, 40, 0.95, 0.87, "Pacific Northwest ICU, step-down and trauma notes", "blind P 0.939 / R 0.959"),
                batch(51, 41, 0.96, 0.94, "New York City ICU notes", "blind P 0.976 / R 0.957"),
                batch(52, 42, 0.96, 0.94, "PhysioNet-style Pittsburgh, Philadelphia and Baltimore nursing notes",
                        "blind P 0.973 / R 0.962"),
                batch(53, 42, 0.98, 0.89, "Southeast neuro ICU and stroke unit notes", "blind P 0.955 / R 0.985"),
                batch(54, 48, 0.97, 0.93, "Ohio, Michigan and Indiana MICU progress notes", "blind P 0.966 / R 0.959"),
                batch(55, 48, 0.95, 0.85, "Mountain West trauma, surgical ICU and burn notes", "blind P 0.916 / R 0.938"),
                batch(56, 49, 0.98, 0.93, "New Jersey, Delaware, DC and Virginia cardiac ICU notes",
                        "blind P 0.962 / R 0.969"),
                batch(57, 49, 0.96, 0.92, "Plains MICU and long-term acute care notes", "blind P 0.948 / R 0.960"),
                batch(58, 46, 0.97, 0.88, "Upper Midwest transplant and surgical ICU notes", "blind P 0.928 / R 0.975"),
                batch(59, 47, 0.96, 0.87, "Georgia, Alabama and Tennessee MICU notes", "blind P 0.941 / R 0.959"),
                batch(60, 45, 0.96, 0.89, "California and Nevada NICU and PICU notes", "blind P 0.962 / R 0.960"),
                batch(61, 50, 0.95, 0.93, "Northeast cardiac, neuro and medical ICU notes", "blind P 0.972 / R 0.940"),
                batch(62, 51, 0.96, 0.91, "MIMIC-style Boston ICU nursing progress notes", "blind P 0.947 / R 0.969"),
                batch(63, 46, 0.94, 0.85, "Texas and Louisiana Gulf Coast ICU notes", "blind P 0.919 / R 0.903"),
                batch(64, 45, 0.95, 0.85, "Carolinas and Virginia burn, trauma and cardiac ICU notes",
                        "blind P 0.935 / R 0.926"),
                batch(65, 47, 0.95, 0.89, "Four Corners MICU, neuro ICU and step-down notes", "blind P 0.956 / R 0.954"),
                batch(66, 50, 0.98, 0.93, "MIMIC-style Boston MICU, CCU and CSRU nursing notes", "blind P 0.982 / R 0.973"),
                batch(67, 45, 0.96, 0.89, "Kentucky, West Virginia and southern Ohio ICU notes", "blind P 0.952 / R 0.913"),
                batch(68, 48, 0.96, 0.85, "Hawaii, Alaska and Pacific Northwest coast ICU notes", "blind P 0.930 / R 0.956"),
                batch(69, 46, 0.96, 0.87, "Florida and south Georgia cardiac and neuro ICU notes", "blind P 0.925 / R 0.950"),
                batch(70, 52, 0.98, 0.92, "MIMIC-style Boston TSICU, SICU and neuro ICU nursing notes",
                        "blind P 0.963 / R 0.972"),
                batch(71, 47, 0.98, 0.92, "MIMIC-style Boston CCU and CSRU nursing, RT and social work notes",
                        "blind P 0.963 / R 0.949"),
                batch(72, 49, 0.96, 0.89, "Inland Northwest and northern Rockies ICU notes", "blind P 0.946 / R 0.905"),
                batch(73, 50, 0.97, 0.89, "Chicago, Milwaukee, Detroit, Gary and Rockford ICU notes",
                        "blind P 0.941 / R 0.941"),
                batch(74, 47, 0.96, 0.94, "MIMIC-style Boston MICU and SICU nursing notes", "blind P 0.977 / R 0.970"),
                batch(75, 46, 0.96, 0.92, "MIMIC-style Boston neuro ICU, CCU and CSRU notes", "blind P 0.961 / R 0.963"),
                batch(76, 46, 0.90, 0.86, "Vermont, Maine, New Hampshire and North Country ICU notes",
                        "blind P 0.941 / R 0.908"),
                batch(77, 47, 0.93, 0.89, "Texas Panhandle, western Oklahoma and Kansas ICU notes",
                        "blind P 0.947 / R 0.931"),
                batch(78, 50, 0.98, 0.94, "MIMIC-style Boston MICU, CCU and CSRU nursing notes",
                        "blind P 0.990 / R 0.980 rules alone; model at 0.3 P 0.977 / R 0.985, at 0.15 P 0.970 / R 0.985"),
                batch(79, 49, 0.94, 0.91, "MIMIC-style ALL-CAPS Boston TSICU, neuro ICU and MICU notes",
                        "blind P 0.958 / R 0.931 rules alone; model at 0.3 P 0.950 / R 0.948, at 0.15 P 0.945 / R 0.955"),
                batch(80, 45, 0.95, 0.85, "Southwest ICU notes: Navajo, Hopi, Pueblo and border families",
                        "blind P 0.924 / R 0.949 rules alone; model at 0.3 P 0.904 / R 0.963, at 0.15 P 0.883 / R 0.963"),
                batch(81, 48, 0.96, 0.92, "New York City, Long Island and northern New Jersey ICU notes",
                        "blind P 0.961 / R 0.938 rules alone; model at 0.3 P 0.948 / R 0.966, at 0.15 P 0.927 / R 0.975"),
                batch(82, 46, 0.97, 0.95, "MIMIC-style Boston CSRU and CCU nursing notes",
                        "blind P 0.980 / R 0.970 rules alone; model at 0.3 P 0.975 / R 0.977, at 0.15 P 0.961 / R 0.980"),
                batch(83, 50, 0.95, 0.93, "MIMIC-style lower-case Boston MICU and step-down notes",
                        "blind P 0.976 / R 0.936 rules alone; model at 0.3 P 0.971 / R 0.954, at 0.15 P 0.962 / R 0.962"),
                batch(84, 47, 0.96, 0.93, "Minnesota, Dakotas and Wisconsin ICU notes",
                        "blind P 0.952 / R 0.961 rules alone; model at 0.3 P 0.952 / R 0.964, at 0.15 P 0.942 / R 0.967"),
                batch(85, 45, 0.96, 0.92, "California ICU notes: Los Angeles, the Central Valley, the Bay Area",
                        "blind P 0.972 / R 0.959 rules alone; model at 0.3 P 0.962 / R 0.967, at 0.15 P 0.948 / R 0.972"),
                batch(86, 47, 0.97, 0.91, "MIMIC-style Boston trauma SICU and neuro ICU nursing notes",
                        "blind P 0.963 / R 0.967 rules alone; model at 0.3 P 0.954 / R 0.980, at 0.15 P 0.942 / R 0.980"),
                batch(87, 48, 0.97, 0.90, "MIMIC-style ALL-CAPS Boston MICU nursing notes",
                        "blind P 0.962 / R 0.967 rules alone; model at 0.3 P 0.947 / R 0.978, at 0.15 P 0.932 / R 0.978"),
                batch(88, 45, 0.96, 0.90, "Seattle, Portland, Spokane and coast ICU notes",
                        "blind P 0.958 / R 0.940 rules alone; model at 0.3 P 0.951 / R 0.962, at 0.15 P 0.934 / R 0.967"),
                batch(89, 45, 0.96, 0.94, "Deep South ICU notes: Atlanta, Birmingham, Jackson, New Orleans",
                        "blind P 0.980 / R 0.961 rules alone; model at 0.3 P 0.980 / R 0.968, at 0.15 P 0.973 / R 0.973"),
                batch(90, 29, 0.95, 0.94, "MIMIC-style Boston CSRU and CCU nursing notes",
                        "blind P 0.981 / R 0.945 rules alone; model v1 P 0.971 / R 0.961; v2 (second look) P 0.977 / R 0.967"),
                batch(91, 30, 0.96, 0.95, "MIMIC-style lower-case Boston MICU and SICU notes",
                        "blind P 0.982 / R 0.943 rules alone; model v1 P 0.969 / R 0.970; v2 (second look) P 0.969 / R 0.976"),
                batch(92, 27, 0.96, 0.94, "Appalachia and Ohio Valley ICU notes",
                        "blind P 0.982 / R 0.958 rules alone; model v1 P 0.980 / R 0.972; v2 (second look) P 0.976 / R 0.976"),
                batch(93, 29, 0.95, 0.93, "Florida ICU notes: Miami, Tampa, Orlando, the Panhandle, the Keys",
                        "blind P 0.962 / R 0.950 rules alone; model v1 P 0.945 / R 0.965; v2 (second look) P 0.953 / R 0.965"),
                batch(94, 27, 0.96, 0.94, "MIMIC-style Boston trauma SICU and neuro ICU notes",
                        "blind P 0.978 / R 0.962 rules alone; model v1 P 0.962 / R 0.970, v2 P 0.955 / R 0.972"),
                batch(95, 30, 0.92, 0.92, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.978 / R 0.909 rules alone; model v1 P 0.962 / R 0.927, v2 P 0.958 / R 0.933"),
                batch(96, 27, 0.96, 0.91, "Mountain West ICU, burn and trauma notes",
                        "blind P 0.970 / R 0.967 rules alone; model v1 P 0.957 / R 0.974, v2 P 0.950 / R 0.976"),
                batch(97, 30, 0.95, 0.96, "Mid-Atlantic city ICU notes: Philadelphia, Baltimore, DC, Newark",
                        "blind P 0.984 / R 0.959 rules alone; model v1 P 0.977 / R 0.966, v2 P 0.977 / R 0.966"),
                batch(98, 30, 0.95, 0.94, "MIMIC-style Boston neuro ICU and step-down notes, names that are words",
                        "blind P 0.973 / R 0.947 rules alone; v2 at 0.15 P 0.964 / R 0.957, at 0.07 P 0.955 / R 0.961"),
                batch(99, 29, 0.97, 0.94, "MIMIC-style Boston MICU and CCU notes in three hands",
                        "blind P 0.984 / R 0.968 rules alone; v2 at 0.15 P 0.973 / R 0.979, at 0.07 P 0.955 / R 0.982"),
                batch(100, 28, 0.96, 0.94, "Great Lakes rust-belt ICU notes: Detroit, Dearborn, Cleveland, Buffalo",
                        "blind P 0.976 / R 0.965 rules alone; v2 at 0.15 P 0.969 / R 0.972, at 0.07 P 0.955 / R 0.972"),
                batch(101, 28, 0.96, 0.92, "Texas city and border ICU notes: Houston, San Antonio, the Valley, El Paso",
                        "blind P 0.975 / R 0.945 rules alone; v2 at 0.15 P 0.958 / R 0.971, at 0.07 P 0.939 / R 0.973"),
                batch(102, 30, 0.93, 0.91, "MIMIC-style ALL-CAPS Boston CSRU and cardiac step-down notes",
                        "blind P 0.958 / R 0.926 rules alone; shipped model (v2 at 0.07) P 0.920 / R 0.949"),
                batch(103, 30, 0.93, 0.91, "MIMIC-style lower-case Boston MICU and SICU notes",
                        "blind P 0.970 / R 0.890 rules alone; shipped model (v2 at 0.07) P 0.922 / R 0.944"),
                batch(104, 29, 0.96, 0.94, "Hawaii, Alaska and Guam ICU notes",
                        "blind P 0.972 / R 0.947 rules alone; shipped model (v2 at 0.07) P 0.955 / R 0.974"),
                batch(105, 27, 0.97, 0.93, "Carolinas and Virginia ICU and trauma notes",
                        "blind P 0.980 / R 0.980 rules alone; shipped model (v2 at 0.07) P 0.948 / R 0.987"),
                batch(106, 27, 0.97, 0.95, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.990 / R 0.946 rules alone; v2 P 0.953 / R 0.978; v3 first sight P 0.931 / R 0.990"
                                + "; shipped v3 P 0.963 / R 0.982"),
                batch(107, 29, 0.95, 0.93, "MIMIC-style lower-case Boston trauma SICU notes",
                        "blind P 0.974 / R 0.929 rules alone; v2 P 0.936 / R 0.954; v3 first sight P 0.930 / R 0.969"
                                + "; shipped v3 P 0.942 / R 0.967"),
                batch(108, 29, 0.97, 0.95, "Deep South ICU notes: New Orleans, Baton Rouge, the Delta, Mobile, Memphis",
                        "blind P 0.981 / R 0.968 rules alone; v2 P 0.967 / R 0.985; v3 first sight P 0.962 / R 0.991"
                                + "; shipped v3 P 0.964 / R 0.987"),
                batch(109, 30, 0.98, 0.95, "MIMIC-style Boston CCU and CSRU notes",
                        "blind P 0.984 / R 0.964 rules alone; v2 P 0.965 / R 0.990; v3 first sight P 0.965 / R 0.998"
                                + "; shipped v3 P 0.967 / R 0.998"),
                batch(110, 28, 0.97, 0.94, "Pacific Northwest and Northern California ICU and burn notes",
                        "blind P 0.976 / R 0.957 rules alone; v2 P 0.950 / R 0.982; v3 first sight P 0.940 / R 0.993"
                                + "; shipped v3 P 0.954 / R 0.987"),
                batch(111, 27, 0.96, 0.94, "MIMIC-style Boston neuro ICU notes in capitals and lower case",
                        "blind P 0.982 / R 0.944 rules alone; v2 P 0.950 / R 0.962; v3 first sight P 0.945 / R 0.977"
                                + "; shipped v3 P 0.956 / R 0.974"),
                batch(112, 26, 0.97, 0.94, "Upper Midwest and Plains ICU notes: Twin Cities, Fargo, Pine Ridge, Omaha",
                        "blind P 0.976 / R 0.958 rules alone; v2 P 0.949 / R 0.977; v3 first sight P 0.933 / R 0.984"
                                + "; shipped v3 P 0.951 / R 0.982"),
                batch(113, 30, 0.96, 0.94, "MIMIC-style lower-case Boston MICU and SICU notes, names that are words",
                        "blind P 0.972 / R 0.934 rules alone; v2 P 0.942 / R 0.963; v3 first sight P 0.928 / R 0.977"
                                + "; shipped v3 P 0.952 / R 0.971"),
                batch(114, 29, 0.96, 0.93, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.973 / R 0.932 rules alone; v2 P 0.935 / R 0.969; shipped v3 P 0.941 / R 0.978"),
                batch(115, 29, 0.97, 0.93, "MIMIC-style lower-case Boston CSRU and cardiac step-down notes",
                        "blind P 0.981 / R 0.945 rules alone; v2 P 0.933 / R 0.971; shipped v3 P 0.947 / R 0.980"),
                batch(116, 29, 0.97, 0.93, "Arizona and New Mexico ICU notes: Phoenix, Tucson, the Navajo Nation, Albuquerque",
                        "blind P 0.969 / R 0.956 rules alone; v2 P 0.935 / R 0.973; shipped v3 P 0.942 / R 0.984"),
                batch(117, 28, 0.98, 0.91, "MIMIC-style Boston neuro ICU and trauma SICU notes",
                        "blind P 0.965 / R 0.965 rules alone; v2 P 0.927 / R 0.985; shipped v3 P 0.923 / R 0.991"),
                batch(118, 27, 0.97, 0.94, "New York City, Long Island and northern New Jersey ICU notes",
                        "blind P 0.980 / R 0.952 rules alone; v2 P 0.954 / R 0.971; shipped v3 P 0.955 / R 0.982"),
                batch(119, 28, 0.97, 0.95, "MIMIC-style lower-case Boston MICU and CCU notes, names that are words or places",
                        "blind P 0.996 / R 0.960 rules alone; v2 P 0.969 / R 0.983; shipped v3 P 0.965 / R 0.983"),
                batch(120, 27, 0.97, 0.94, "Southern California ICU and burn notes: Los Angeles, the Inland Empire, San Diego",
                        "blind P 0.970 / R 0.958 rules alone; v2 P 0.952 / R 0.984; shipped v3 P 0.954 / R 0.985"),
                batch(121, 26, 0.96, 0.93, "MIMIC-style Boston trauma SICU and burn unit notes",
                        "blind P 0.976 / R 0.948 rules alone; v2 P 0.949 / R 0.973; shipped v3 P 0.946 / R 0.977"),
                batch(122, 30, 0.97, 0.96, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.989 / R 0.965 rules alone; v3 P 0.971 / R 0.977; v4 first sight P 0.954 / R 0.985"
                                + "; shipped v4 P 0.971 / R 0.983"),
                batch(123, 26, 0.96, 0.89, "MIMIC-style lower-case Boston SICU and trauma step-down notes",
                        "blind P 0.953 / R 0.928 rules alone; v3 P 0.907 / R 0.970; v4 first sight P 0.896 / R 0.979"
                                + "; shipped v4 P 0.908 / R 0.975"),
                batch(124, 27, 0.98, 0.95, "Nevada, Utah and Colorado ICU, trauma and burn notes",
                        "blind P 0.981 / R 0.961 rules alone; v3 P 0.963 / R 0.986; v4 first sight P 0.952 / R 0.990"
                                + "; shipped v4 P 0.960 / R 0.990"),
                batch(125, 28, 0.98, 0.94, "MIMIC-style Boston CCU and CSRU notes",
                        "blind P 0.979 / R 0.957 rules alone; v3 P 0.948 / R 0.987; v4 first sight P 0.942 / R 0.993"
                                + "; shipped v4 P 0.955 / R 0.993"),
                batch(126, 27, 0.97, 0.94, "Georgia, Tennessee and Piedmont ICU notes",
                        "blind P 0.984 / R 0.966 rules alone; v3 P 0.961 / R 0.978; v4 first sight P 0.951 / R 0.980"
                                + "; shipped v4 P 0.956 / R 0.980"),
                batch(127, 27, 0.97, 0.93, "MIMIC-style Boston neuro ICU and step-down notes",
                        "blind P 0.975 / R 0.939 rules alone; v3 P 0.944 / R 0.970; v4 first sight P 0.933 / R 0.985"
                                + "; shipped v4 P 0.942 / R 0.983"),
                batch(128, 30, 0.99, 0.93, "Chicago-area ICU and burn notes: the South Side, Pilsen, Gary, Rockford",
                        "blind P 0.973 / R 0.955 rules alone; v3 P 0.934 / R 0.992; v4 first sight P 0.932 / R 1.000"
                                + "; shipped v4 P 0.945 / R 1.000"),
                batch(129, 30, 0.96, 0.95, "MIMIC-style lower-case Boston MICU and SICU notes, names that are words or places",
                        "blind P 0.981 / R 0.961 rules alone; v3 P 0.963 / R 0.979; v4 first sight P 0.950 / R 0.979"
                                + "; shipped v4 P 0.965 / R 0.979"),
                batch(130, 27, 0.97, 0.91, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.961 / R 0.947 rules alone; v3 P 0.927 / R 0.981; shipped v4 P 0.926 / R 0.985"),
                batch(131, 29, 0.96, 0.91, "MIMIC-style lower-case Boston trauma SICU notes",
                        "blind P 0.971 / R 0.921 rules alone; v3 P 0.921 / R 0.972; shipped v4 P 0.920 / R 0.976"),
                batch(132, 27, 0.98, 0.94, "Kentucky, Indiana and southern Ohio ICU notes",
                        "blind P 0.976 / R 0.959 rules alone; v3 P 0.953 / R 0.988; shipped v4 P 0.953 / R 0.990"),
                batch(133, 30, 0.97, 0.94, "MIMIC-style Boston CCU and CSRU notes",
                        "blind P 0.981 / R 0.966 rules alone; v3 P 0.945 / R 0.979; shipped v4 P 0.953 / R 0.987"),
                batch(134, 27, 0.98, 0.93, "Maine, New Hampshire, Vermont and upstate New York ICU notes",
                        "blind P 0.979 / R 0.954 rules alone; v3 P 0.943 / R 0.981; shipped v4 P 0.947 / R 0.993"),
                batch(135, 30, 0.97, 0.94, "MIMIC-style Boston neuro ICU and step-down notes",
                        "blind P 0.978 / R 0.965 rules alone; v3 P 0.953 / R 0.982; shipped v4 P 0.957 / R 0.987"),
                batch(136, 28, 0.98, 0.94, "Oklahoma, Arkansas and Missouri ICU and burn notes",
                        "blind P 0.978 / R 0.961 rules alone; v3 P 0.959 / R 0.989; shipped v4 P 0.951 / R 0.993"),
                batch(137, 28, 0.98, 0.94, "MIMIC-style lower-case Boston MICU and SICU notes, names that are words or places",
                        "blind P 0.975 / R 0.965 rules alone; v3 P 0.949 / R 0.994; shipped v4 P 0.953 / R 0.996"),
                batch(138, 29, 0.98, 0.94, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.983 / R 0.947 rules alone; shipped v4 P 0.953 / R 0.990"
                                + "; title-gated candidate (not shipped) P 0.953 / R 0.992"),
                batch(139, 30, 0.98, 0.89, "MIMIC-style lower-case Boston SICU and trauma step-down notes",
                        "blind P 0.954 / R 0.940 rules alone; shipped v4 P 0.903 / R 0.991"
                                + "; title-gated candidate (not shipped) P 0.887 / R 0.991"),
                batch(140, 28, 0.98, 0.95, "Alabama, Mississippi and Florida Panhandle ICU notes",
                        "blind P 0.986 / R 0.963 rules alone; shipped v4 P 0.966 / R 0.994"
                                + "; title-gated candidate (not shipped) P 0.964 / R 0.994"),
                batch(141, 29, 0.97, 0.94, "MIMIC-style Boston CCU and CSRU notes",
                        "blind P 0.987 / R 0.972 rules alone; shipped v4 P 0.957 / R 0.987"
                                + "; title-gated candidate (not shipped) P 0.953 / R 0.987"),
                batch(142, 29, 0.98, 0.95, "Washington DC, Maryland and northern Virginia ICU notes",
                        "blind P 0.988 / R 0.965 rules alone; shipped v4 P 0.968 / R 0.990"
                                + "; title-gated candidate (not shipped) P 0.961 / R 0.990"),
                batch(143, 28, 0.96, 0.94, "MIMIC-style Boston neuro ICU and step-down notes",
                        "blind P 0.981 / R 0.941 rules alone; shipped v4 P 0.954 / R 0.978"
                                + "; title-gated candidate (not shipped) P 0.945 / R 0.978"),
                batch(144, 30, 0.98, 0.95, "Dakotas, Montana and Wyoming ICU and burn notes",
                        "blind P 0.988 / R 0.963 rules alone; shipped v4 P 0.962 / R 0.990"
                                + "; title-gated candidate (not shipped) P 0.941 / R 0.992"),
                batch(145, 28, 0.97, 0.95, "MIMIC-style lower-case Boston MICU and SICU notes, names that are words or places",
                        "blind P 0.982 / R 0.961 rules alone; shipped v4 P 0.964 / R 0.989"
                                + "; title-gated candidate (not shipped) P 0.958 / R 0.989"),
                batch(146, 29, 0.98, 0.95, "MIMIC-style ALL-CAPS Boston MICU notes, names that are words",
                        "blind P 0.977 / R 0.963 rules alone; v4 P 0.962 / R 0.988; shipped v5 P 0.966 / R 0.990"),
                batch(147, 27, 0.96, 0.92, "MIMIC-style lower-case Boston SICU and trauma step-down notes",
                        "blind P 0.959 / R 0.934 rules alone; v4 P 0.915 / R 0.979; shipped v5 P 0.931 / R 0.977"),
                batch(148, 29, 0.97, 0.94, "Louisiana and east Texas ICU notes",
                        "blind P 0.981 / R 0.943 rules alone; v4 P 0.943 / R 0.982; shipped v5 P 0.950 / R 0.983"),
                batch(149, 27, 0.97, 0.93, "MIMIC-style Boston CCU and CSRU notes",
                        "blind P 0.965 / R 0.961 rules alone; v4 P 0.941 / R 0.982; shipped v5 P 0.945 / R 0.984"),
                batch(150, 27, 0.98, 0.94, "Pennsylvania and New Jersey ICU notes outside the big cities",
                        "blind P 0.975 / R 0.978 rules alone; v4 P 0.955 / R 0.995; shipped v5 P 0.955 / R 0.996"),
                batch(151, 30, 0.98, 0.94, "MIMIC-style Boston neuro ICU and step-down notes",
                        "blind P 0.974 / R 0.961 rules alone; v4 P 0.947 / R 0.995; shipped v5 P 0.955 / R 0.996"),
                batch(152, 27, 0.98, 0.96, "Central Valley and Sierra ICU and burn notes",
                        "blind P 0.991 / R 0.969 rules alone; v4 P 0.964 / R 0.991; shipped v5 P 0.971 / R 0.991"),
                batch(153, 27, 0.98, 0.95, "MIMIC-style lower-case Boston MICU and SICU notes, names that are words or places",
                        "blind P 0.977 / R 0.964 rules alone; v4 P 0.961 / R 0.995; shipped v5 P 0.961 / R 0.995"),
                batch(154, 30, 0.98, 0.94, "MIMIC-style ALL-CAPS Boston CSRU and cardiac step-down notes",
                        "blind P 0.972 / R 0.964 rules alone; shipped v5 P 0.957 / R 0.994"),
                batch(155, 29, 0.97, 0.95, "Upper Midwest ICU notes, Scandinavian and German surnames that are words",
                        "blind P 0.988 / R 0.950 rules alone; shipped v5 P 0.960 / R 0.984"),
                batch(156, 27, 0.98, 0.95, "Appalachian ICU, cardiac and step-down notes, relatives' nicknames",
                        "blind P 0.989 / R 0.957 rules alone; shipped v5 P 0.967 / R 0.993"),
                batch(157, 30, 0.97, 0.91, "MIMIC-style lower-case Boston trauma SICU notes, addenda and hand-offs",
                        "blind P 0.967 / R 0.942 rules alone; shipped v5 P 0.927 / R 0.980"),
                batch(158, 28, 0.97, 0.90, "Southwest ICU notes, Spanish and Navajo names, border-town and IHS clinics",
                        "blind P 0.961 / R 0.951 rules alone; shipped v5 P 0.912 / R 0.985"),
                batch(159, 27, 0.97, 0.93, "Pacific Northwest NICU, PICU and step-down notes, parents and foster parents",
                        "blind P 0.983 / R 0.947 rules alone; shipped v5 P 0.943 / R 0.985"),
                batch(160, 27, 0.98, 0.96, "MIMIC-style Boston MICU notes, elderly patients, proxies and DNR talks",
                        "blind P 0.987 / R 0.952 rules alone; shipped v5 P 0.970 / R 0.993"),
                batch(161, 29, 0.97, 0.94, "Deep South burn, trauma and step-down notes, names that are words or places",
                        "blind P 0.976 / R 0.955 rules alone; shipped v5 P 0.958 / R 0.988"),
                batch(162, 28, 0.98, 0.95, "MIMIC-style Boston MICU and medical step-down notes",
                        "blind P 0.980 / R 0.947 rules alone; v5 with round 33's rules P 0.966 / R 0.992"
                                + "; shipped (round 34's rules and v5) P 0.966 / R 0.992"),
                batch(163, 29, 0.98, 0.92, "Florida ICU notes, retirees and snowbirds, Spanish and Haitian Creole names",
                        "blind P 0.964 / R 0.966 rules alone; v5 with round 33's rules P 0.936 / R 0.991"
                                + "; shipped (round 34's rules and v5) P 0.936 / R 0.991"),
                batch(164, 29, 0.98, 0.94, "Texas Gulf Coast ICU and trauma notes, refinery and port employers",
                        "blind P 0.971 / R 0.958 rules alone; v5 with round 33's rules P 0.958 / R 0.992"
                                + "; shipped (round 34's rules and v5) P 0.958 / R 0.994"),
                batch(165, 30, 0.98, 0.94, "MIMIC-style lower-case Boston CCU and cardiac surgery notes, sign-offs with initials",
                        "blind P 0.976 / R 0.958 rules alone; v5 with round 33's rules P 0.950 / R 0.994"
                                + "; shipped (round 34's rules and v5) P 0.950 / R 0.996"),
                batch(166, 28, 0.97, 0.95, "Great Lakes ICU notes, Polish, Arab-American and Dutch surnames",
                        "blind P 0.988 / R 0.957 rules alone; v5 with round 33's rules P 0.960 / R 0.986"
                                + "; shipped (round 34's rules and v5) P 0.960 / R 0.986"),
                batch(167, 28, 0.98, 0.92, "New York City and Long Island ICU notes, borough hospitals and home attendants",
                        "blind P 0.970 / R 0.944 rules alone; v5 with round 33's rules P 0.929 / R 0.994"
                                + "; shipped (round 34's rules and v5) P 0.930 / R 0.998"),
                batch(168, 30, 0.98, 0.94, "MIMIC-style Boston neuro ICU and trauma SICU notes, guardians and court dates",
                        "blind P 0.977 / R 0.955 rules alone; v5 with round 33's rules P 0.950 / R 0.991"
                                + "; shipped (round 34's rules and v5) P 0.950 / R 0.993"),
                batch(169, 28, 0.98, 0.94, "Mountain West ICU and burn notes, ranches, ski resorts and air transfers",
                        "blind P 0.982 / R 0.954 rules alone; v5 with round 33's rules P 0.957 / R 0.989"
                                + "; shipped (round 34's rules and v5) P 0.957 / R 0.991"),
                batch(170, 27, 0.98, 0.95, "MIMIC-style ALL-CAPS Boston MICU and SICU notes",
                        "blind P 0.971 / R 0.948 rules alone; round 34 P 0.962 / R 0.996; shipped (round 35) P 0.964 / R 0.996"),
                batch(171, 27, 0.97, 0.95, "Carolinas and Virginia ICU notes, church communities and military families",
                        "blind P 0.990 / R 0.952 rules alone; round 34 P 0.959 / R 0.985; shipped (round 35) P 0.961 / R 0.985"),
                batch(172, 29, 0.98, 0.95, "Ohio and western Pennsylvania ICU notes, Amish and Mennonite families",
                        "blind P 0.982 / R 0.969 rules alone; round 34 P 0.957 / R 0.998; shipped (round 35) P 0.961 / R 0.998"),
                batch(173, 30, 0.98, 0.93, "MIMIC-style lower-case Boston neuro ICU notes, interpreters and sign-offs",
                        "blind P 0.977 / R 0.934 rules alone; round 34 P 0.940 / R 0.991; shipped (round 35) P 0.944 / R 0.991"),
                batch(174, 27, 0.98, 0.95, "Louisiana, Mississippi and Panhandle ICU notes, Cajun and Creole surnames, parishes",
                        "blind P 0.979 / R 0.960 rules alone; round 34 P 0.957 / R 0.991; shipped (round 35) P 0.961 / R 0.991"),
                batch(175, 27, 0.97, 0.95, "Southern California and Nevada ICU and trauma notes, Korean, Filipino and Armenian families",
                        "blind P 0.983 / R 0.957 rules alone; round 34 P 0.960 / R 0.987; shipped (round 35) P 0.964 / R 0.987"),
                batch(176, 30, 0.98, 0.96, "MIMIC-style Boston CCU and cardiac step-down notes, relatives by phone",
                        "blind P 0.994 / R 0.973 rules alone; round 34 P 0.973 / R 0.998; shipped (round 35) P 0.977 / R 0.998"),
                batch(177, 28, 0.98, 0.92, "Alaska, Hawaii and Pacific ICU and burn notes, Native, Hawaiian, Samoan and Chamorro names",
                        "blind P 0.967 / R 0.939 rules alone; round 34 P 0.929 / R 0.992; shipped (round 35) P 0.933 / R 0.992"),
                batch(178, 28, 0.98, 0.95, "MIMIC-style Boston trauma SICU notes, police and social work",
                        "blind P 0.980 / R 0.957 rules alone; round 35 P 0.960 / R 0.991; shipped (round 36) P 0.960 / R 0.991"),
                batch(179, 30, 0.98, 0.94, "Chicago and northwest Indiana ICU notes, neighbourhoods and suburbs",
                        "blind P 0.981 / R 0.956 rules alone; round 35 P 0.954 / R 0.992; shipped (round 36) P 0.954 / R 0.992"),
                batch(180, 27, 0.97, 0.88, "Puerto Rico and Virgin Islands ICU notes, two surnames, barrios and urbanizaciones",
                        "blind P 0.964 / R 0.943 rules alone; round 35 P 0.893 / R 0.984; shipped (round 36) P 0.893 / R 0.984"),
                batch(181, 30, 0.97, 0.94, "MIMIC-style lower-case Boston MICU notes, sign-offs with initials",
                        "blind P 0.976 / R 0.930 rules alone; round 35 P 0.951 / R 0.981; shipped (round 36) P 0.951 / R 0.981"),
                batch(182, 27, 0.97, 0.96, "Kansas, Nebraska and Iowa ICU notes, farm and meatpacking employers",
                        "blind P 0.990 / R 0.949 rules alone; round 35 P 0.976 / R 0.983; shipped (round 36) P 0.976 / R 0.985"),
                batch(183, 28, 0.98, 0.95, "Tennessee and Kentucky ICU and CCU notes, church families and nicknames",
                        "blind P 0.986 / R 0.953 rules alone; round 35 P 0.966 / R 0.990; shipped (round 36) P 0.966 / R 0.990"),
                batch(184, 29, 0.96, 0.94, "MIMIC-style Boston CSRU notes, hand-offs and family updates",
                        "blind P 0.978 / R 0.948 rules alone; round 35 P 0.955 / R 0.976; shipped (round 36) P 0.955 / R 0.976"),
                batch(185, 27, 0.98, 0.96, "Maine, New Hampshire and Vermont ICU notes, mill towns and islands",
                        "blind P 0.990 / R 0.960 rules alone; round 35 P 0.976 / R 0.992; shipped (round 36) P 0.976 / R 0.992"),
                batch(186, 30, 0.98, 0.92, "MIMIC-style ALL-CAPS Boston MICU notes, nursing-home transfers",
                        "blind P 0.977 / R 0.964 rules alone; round 36 P 0.935 / R 0.994; shipped (round 37) P 0.935 / R 0.994"),
                batch(187, 28, 0.98, 0.93, "South Texas and Rio Grande Valley ICU notes, two surnames, colonias",
                        "blind P 0.975 / R 0.955 rules alone; round 36 P 0.938 / R 0.994; shipped (round 37) P 0.940 / R 0.994"),
                batch(188, 28, 0.97, 0.95, "Georgia and South Carolina ICU notes, Gullah and church communities",
                        "blind P 0.985 / R 0.947 rules alone; round 36 P 0.968 / R 0.984; shipped (round 37) P 0.968 / R 0.984"),
                batch(189, 29, 0.98, 0.93, "MIMIC-style lower-case Boston SICU notes, post-op care and sign-offs",
                        "blind P 0.979 / R 0.944 rules alone; round 36 P 0.942 / R 0.992; shipped (round 37) P 0.945 / R 0.992"),
                batch(190, 28, 0.98, 0.96, "Minnesota and Wisconsin city ICU notes, Somali, Hmong and Ojibwe families",
                        "blind P 0.986 / R 0.969 rules alone; round 36 P 0.970 / R 0.994; shipped (round 37) P 0.970 / R 0.994"),
                batch(191, 29, 0.98, 0.92, "New Jersey and Delaware ICU and burn notes, shore towns",
                        "blind P 0.976 / R 0.970 rules alone; round 36 P 0.933 / R 0.998; shipped (round 37) P 0.933 / R 0.998"),
                batch(192, 29, 0.98, 0.97, "MIMIC-style Boston CCU notes, very elderly patients and proxies",
                        "blind P 0.991 / R 0.975 rules alone; round 36 P 0.983 / R 0.996; shipped (round 37) P 0.984 / R 0.996"),
                batch(193, 30, 0.98, 0.94, "Oregon and Washington ICU notes, fishing and timber, ferries and air transfers",
                        "blind P 0.980 / R 0.937 rules alone; round 36 P 0.958 / R 0.990; shipped (round 37) P 0.958 / R 0.990"),
                batch(194, 30, 0.98, 0.97, "MIMIC-style Boston MICU and CCU notes, family contact and transfers",
                        "blind P 0.994 / R 0.979 rules alone; round 37 P 0.983 / R 0.996; shipped (round 38) P 0.983 / R 0.996"),
                batch(195, 27, 0.97, 0.94, "Colorado and New Mexico ICU notes, Hispano, Navajo and Pueblo families",
                        "blind P 0.976 / R 0.961 rules alone; round 37 P 0.951 / R 0.988; shipped (round 38) P 0.951 / R 0.988"),
                batch(196, 27, 0.98, 0.96, "Alabama and Florida Panhandle ICU notes, church families and nicknames",
                        "blind P 0.992 / R 0.954 rules alone; round 37 P 0.973 / R 0.990; shipped (round 38) P 0.973 / R 0.990"),
                batch(197, 29, 0.98, 0.93, "MIMIC-style lower-case Boston trauma SICU notes, guardians and placement",
                        "blind P 0.979 / R 0.947 rules alone; round 37 P 0.940 / R 0.992; shipped (round 38) P 0.940 / R 0.994"),
                batch(198, 27, 0.98, 0.96, "Upstate New York and western Massachusetts ICU notes, dairy and factory towns",
                        "blind P 0.990 / R 0.980 rules alone; round 37 P 0.972 / R 0.996; shipped (round 38) P 0.972 / R 0.996"),
                batch(199, 28, 0.98, 0.95, "Arkansas and Oklahoma ICU and burn notes, Cherokee and Choctaw citizens",
                        "blind P 0.988 / R 0.974 rules alone; round 37 P 0.967 / R 0.996; shipped (round 38) P 0.967 / R 0.996"),
                batch(200, 27, 0.98, 0.92, "MIMIC-style Boston neuro ICU notes, interpreters and family meetings",
                        "blind P 0.975 / R 0.952 rules alone; round 37 P 0.936 / R 0.994; shipped (round 38) P 0.936 / R 0.996"),
                batch(201, 27, 0.98, 0.95, "Maryland, Virginia and West Virginia ICU notes, watermen and coal families",
                        "blind P 0.986 / R 0.966 rules alone; round 37 P 0.967 / R 0.994; shipped (round 38) P 0.967 / R 0.994"),
                batch(202, 30, 0.97, 0.96, "MIMIC-style Boston cardiac surgery recovery notes, pacing wires and chest tubes",
                        "blind P 0.987 / R 0.945 rules alone; round 38 P 0.970 / R 0.986; shipped (round 39) P 0.970 / R 0.986"),
                batch(203, 27, 0.98, 0.93, "Louisiana and Mississippi ICU notes, Cajun and Creole families, offshore and port employers",
                        "blind P 0.981 / R 0.964 rules alone; round 38 P 0.947 / R 0.994; shipped (round 39) P 0.949 / R 0.996"),
                batch(204, 28, 0.98, 0.94, "Ohio and Indiana ICU notes, Amish and Appalachian families, steel and auto plants",
                        "blind P 0.975 / R 0.975 rules alone; round 38 P 0.954 / R 0.993; shipped (round 39) P 0.954 / R 0.993"),
                batch(205, 29, 0.97, 0.95, "MIMIC-style lower-case Boston MICU notes, Haitian, Cape Verdean and Vietnamese families",
                        "blind P 0.989 / R 0.942 rules alone; round 38 P 0.968 / R 0.989; shipped (round 39) P 0.968 / R 0.989"),
                batch(206, 29, 0.97, 0.93, "Pacific Northwest and Alaska ICU notes, Alaska Native and fishing families, medevac flights",
                        "blind P 0.981 / R 0.954 rules alone; round 38 P 0.946 / R 0.986; shipped (round 39) P 0.946 / R 0.986"),
                batch(207, 30, 0.98, 0.94, "Texas border and Gulf ICU and trauma notes, two-surname families, cross-border transfers",
                        "blind P 0.979 / R 0.958 rules alone; round 38 P 0.956 / R 0.992; shipped (round 39) P 0.956 / R 0.994"),
                batch(208, 28, 0.96, 0.93, "MIMIC-style Boston CCU and cath lab notes, device ids, fellows and attendings by initials",
                        "blind P 0.978 / R 0.926 rules alone; round 38 P 0.949 / R 0.972; shipped (round 39) P 0.949 / R 0.972"),
                batch(209, 29, 0.97, 0.93, "Minnesota, Wisconsin and Dakotas ICU notes, Scandinavian, Hmong and Lakota families",
                        "blind P 0.982 / R 0.958 rules alone; round 38 P 0.944 / R 0.986; shipped (round 39) P 0.944 / R 0.988"),
                batch(210, 28, 0.98, 0.95, "MIMIC-style Boston surgical ICU notes, transplant and trauma patients, family meetings",
                        "blind P 0.989 / R 0.965 rules alone; round 39 P 0.968 / R 0.994; shipped (round 40) P 0.968 / R 0.996"),
                batch(211, 28, 0.98, 0.93, "Georgia and the Carolinas ICU notes, Gullah, church and mountain families, textile and poultry",
                        "blind P 0.970 / R 0.974 rules alone; round 39 P 0.945 / R 0.996; shipped (round 40) P 0.945 / R 0.996"),
                batch(212, 28, 0.98, 0.94, "Upper Peninsula and northern Wisconsin ICU notes, Finnish, Ojibwe and Cornish families",
                        "blind P 0.980 / R 0.932 rules alone; round 39 P 0.958 / R 0.991; shipped (round 40) P 0.958 / R 0.991"),
                batch(213, 30, 0.98, 0.91, "MIMIC-style Boston neonatal and pediatric ICU notes, parents, foster care and DCF",
                        "blind P 0.971 / R 0.962 rules alone; round 39 P 0.928 / R 0.996; shipped (round 40) P 0.928 / R 0.996"),
                batch(214, 29, 0.98, 0.92, "Arizona and Nevada ICU notes, Tohono O'odham, Apache and Mexican-American families",
                        "blind P 0.962 / R 0.974 rules alone; round 39 P 0.936 / R 1.000; shipped (round 40) P 0.936 / R 1.000"),
                batch(215, 27, 0.97, 0.93, "Kentucky and Tennessee ICU and burn notes, Appalachian nicknames, coal and distillery employers",
                        "blind P 0.980 / R 0.960 rules alone; round 39 P 0.941 / R 0.985; shipped (round 40) P 0.941 / R 0.985"),
                batch(216, 29, 0.97, 0.96, "MIMIC-style Boston step-down notes, Irish, Portuguese, Brazilian and Somali families, VNA and rehab",
                        "blind P 0.991 / R 0.950 rules alone; round 39 P 0.979 / R 0.989; shipped (round 40) P 0.979 / R 0.989"),
                batch(217, 27, 0.98, 0.93, "Hawaii, Guam and American Samoa ICU notes, Native Hawaiian, Filipino, Chamorro and Samoan families",
                        "blind P 0.984 / R 0.939 rules alone; round 39 P 0.944 / R 0.992; shipped (round 40) P 0.944 / R 0.992"),
                batch(218, 27, 0.98, 0.96, "MIMIC-style Boston MICU ALL-CAPS notes, short dates, rehab and nursing-home transfers",
                        "blind P 0.985 / R 0.977 rules alone; round 40 P 0.974 / R 0.996; shipped (round 41) P 0.974 / R 0.996"),
                batch(219, 28, 0.98, 0.95, "Pennsylvania and New Jersey ICU notes, Italian, Polish, Puerto Rican and Black families",
                        "blind P 0.994 / R 0.971 rules alone; round 40 P 0.968 / R 1.000; shipped (round 41) P 0.968 / R 1.000"),
                batch(220, 27, 0.98, 0.96, "Missouri and Kansas ICU notes, farm and meatpacking families, tornado injuries",
                        "blind P 0.989 / R 0.974 rules alone; round 40 P 0.974 / R 0.996; shipped (round 41) P 0.974 / R 0.996"),
                batch(221, 30, 0.98, 0.96, "MIMIC-style lower-case Boston trauma and burn ICU notes, police, DCF and interpreters",
                        "blind P 0.990 / R 0.948 rules alone; round 40 P 0.971 / R 0.988; shipped (round 41) P 0.971 / R 0.990"),
                batch(222, 28, 0.98, 0.94, "Utah, Idaho and Wyoming ICU notes, Latter-day Saint, Shoshone and Basque families, air transfers",
                        "blind P 0.983 / R 0.967 rules alone; round 40 P 0.956 / R 0.991; shipped (round 41) P 0.956 / R 0.991"),
                batch(223, 27, 0.98, 0.96, "Florida ICU notes, Cuban, Haitian, Colombian and retiree families, snowbirds",
                        "blind P 0.990 / R 0.961 rules alone; round 40 P 0.974 / R 0.998; shipped (round 41) P 0.974 / R 0.998"),
                batch(224, 27, 0.97, 0.95, "MIMIC-style Boston cardiac ICU notes, heart failure and transplant, device clinics and hospice",
                        "blind P 0.983 / R 0.968 rules alone; round 40 P 0.960 / R 0.989; shipped (round 41) P 0.960 / R 0.989"),
                batch(225, 30, 0.98, 0.95, "Maine, New Hampshire and Vermont ICU notes, French-Canadian, Somali and Abenaki families",
                        "blind P 0.978 / R 0.971 rules alone; round 40 P 0.966 / R 0.994; shipped (round 41) P 0.966 / R 0.994"),
                batch(226, 30, 0.97, 0.93, "MIMIC-style Boston MICU and SICU notes, ALL-CAPS and lower case, family calls and transfers",
                        "blind P 0.973 / R 0.960 rules alone; round 41 P 0.946 / R 0.989; shipped (round 42) P 0.946 / R 0.989"),
                batch(227, 28, 0.97, 0.94, "New York City and Long Island ICU notes, Dominican, Jamaican, Bangladeshi, Russian and Orthodox families",
                        "blind P 0.968 / R 0.965 rules alone; round 41 P 0.951 / R 0.989; shipped (round 42) P 0.956 / R 0.989"),
                batch(228, 29, 0.98, 0.94, "Iowa and Nebraska ICU notes, farm, Sudanese and Guatemalan families, meatpacking employers",
                        "blind P 0.974 / R 0.968 rules alone; round 41 P 0.954 / R 0.990; shipped (round 42) P 0.956 / R 0.990"),
                batch(229, 29, 0.98, 0.94, "MIMIC-style Boston neuro and stroke ICU notes, family meetings, chaplains and placement",
                        "blind P 0.977 / R 0.972 rules alone; round 41 P 0.949 / R 0.998; shipped (round 42) P 0.951 / R 0.998"),
                batch(230, 29, 0.97, 0.93, "Central Valley and coastal California ICU notes, Mexican, Punjabi, Hmong and Portuguese families",
                        "blind P 0.974 / R 0.950 rules alone; round 41 P 0.948 / R 0.988; shipped (round 42) P 0.948 / R 0.988"),
                batch(231, 27, 0.98, 0.93, "Mississippi and Alabama delta and coast ICU notes, church families, catfish, casino and shipyard employers",
                        "blind P 0.982 / R 0.936 rules alone; round 41 P 0.946 / R 0.993; shipped (round 42) P 0.946 / R 0.993"),
                batch(232, 27, 0.97, 0.94, "MIMIC-style Boston cardiac surgery and transplant ICU notes, devices and lines, social work",
                        "blind P 0.976 / R 0.952 rules alone; round 41 P 0.956 / R 0.980; shipped (round 42) P 0.956 / R 0.980"),
                batch(233, 30, 0.98, 0.94, "New Mexico, west Texas and Oklahoma panhandle ICU notes, ranch, Mennonite and Mexican families",
                        "blind P 0.979 / R 0.954 rules alone; round 41 P 0.958 / R 0.995; shipped (round 42) P 0.958 / R 0.995"),
                batch(234, 29, 0.98, 0.95, "MIMIC-style Boston MICU and CCU notes, mostly ALL-CAPS, short dates, initials, family calls",
                        "blind P 0.974 / R 0.944 rules alone; round 42 P 0.953 / R 0.979; shipped (round 43) P 0.966 / R 0.990"),
                batch(235, 29, 0.98, 0.92, "Washington, Oregon and Alaska ICU notes, Alaska Native, Filipino, Vietnamese, Ukrainian and Somali families",
                        "blind P 0.975 / R 0.944 rules alone; round 42 P 0.937 / R 0.990; shipped (round 43) P 0.937 / R 0.995"),
                batch(236, 27, 0.98, 0.90, "Ohio and Kentucky neonatal and pediatric ICU notes, twins, foster parents, Amish and Appalachian families",
                        "blind P 0.977 / R 0.975 rules alone; round 42 P 0.911 / R 0.986; shipped (round 43) P 0.917 / R 0.991"),
                batch(237, 28, 0.98, 0.91, "Puerto Rico and Florida ICU notes, bilingual families, Spanish quotes, compound surnames, urbanizaciones",
                        "blind P 0.971 / R 0.956 rules alone; round 42 P 0.915 / R 0.983; shipped (round 43) P 0.927 / R 0.985"),
                batch(238, 28, 0.98, 0.95, "MIMIC-style Boston MICU, SICU and CCU notes, Greek, Salvadoran and Somali families, hospice transfers",
                        "blind P 0.982 / R 0.945 rules alone; round 43 with v5 P 0.959 / R 0.991; shipped (v7) P 0.962 / R 0.995"),
                batch(239, 28, 0.98, 0.96, "Michigan ICU notes, Arab-American, Chaldean, Polish and Dutch Reformed families, auto plants, snowmobiles",
                        "blind P 0.988 / R 0.972 rules alone; round 43 with v5 P 0.969 / R 0.995; shipped (v7) P 0.976 / R 0.995"),
                batch(240, 28, 0.98, 0.94, "Houston and Texas Gulf ICU, burn and trauma notes, Nigerian, Vietnamese and South Asian families, refineries",
                        "blind P 0.983 / R 0.972 rules alone; round 43 with v5 P 0.957 / R 0.993; shipped (v7) P 0.957 / R 0.993"),
                batch(241, 28, 0.98, 0.92, "Montana and Dakotas ICU and critical-access notes, Blackfeet, Crow, Lakota and Hutterite families, oil fields",
                        "blind P 0.978 / R 0.944 rules alone; round 43 with v5 P 0.935 / R 0.993; shipped (v7) P 0.937 / R 0.993"),
                batch(242, 28, 0.98, 0.95, "New York City, northern New Jersey and Westchester ICU notes",
                        "blind (round 44) R 0.991; round 45 P 0.965 / R 0.995"),
                batch(243, 28, 0.98, 0.92, "Georgia, Alabama, Mississippi and Louisiana ICU and LTAC notes",
                        "blind (round 44) R 0.990; round 45 P 0.937 / R 0.995"),
                batch(244, 28, 0.98, 0.91, "California Central Valley and Los Angeles ICU and step-down notes",
                        "blind (round 44) R 0.995; round 45 P 0.925 / R 1.000"),
                batch(245, 28, 0.98, 0.95, "Appalachian ICU and rural hospital notes",
                        "blind (round 44) R 0.992; round 45 P 0.967 / R 0.997"),
                batch(246, 28, 0.98, 0.94, "Pacific Northwest ICU, PICU and labor and delivery notes, Vietnamese, Filipino,"
                        + " Ukrainian, Old Believer, Samoan and Yakama families", "blind (round 45) P 0.959 / R 0.989"),
                batch(247, 28, 0.98, 0.94, "Minneapolis ICU, Duluth hospice, rural Minnesota and Wisconsin, Somali, Hmong,"
                        + " Karen, Oromo and Lutheran families", "blind (round 45) P 0.953 / R 0.993"));
    }

    private static Arguments batch(int batch, int notes, double recallFloor, double precisionFloor, String style,
                                   String firstPass) {
        return Arguments.of(batch, notes, recallFloor, precisionFloor, style, firstPass);
    }

    @ParameterizedTest(name = "batch {0} ({4}; {5}): recall >= {2}, precision >= {3}")
    @MethodSource("batches")
    void givenAHeldOutBatch_whenEvaluated_thenItsFloorsHold(int batch, int notes, double recallFloor,
            double precisionFloor, String style, String firstPass) throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(Path.of(
                HeldOutNotesTest.class.getResource("heldout/batch" + batch + ".jsonl").toURI()));
        assertThat(docs).hasSize(notes);
        EvalReport r = evaluator.evaluate("held-out notes, batch " + batch, docs);
        System.out.println(r.render());
        assertThat(r.span().recall()).as("span recall of batch %d", batch).isGreaterThanOrEqualTo(recallFloor);
        assertThat(r.span().precision()).as("span precision of batch %d", batch).isGreaterThanOrEqualTo(precisionFloor);
    }
}
