package io.phistream.scoring.alert;

import io.phistream.scoring.Band;

/**
 * Router state for one patient token and model: the open alert, if any.
 *
 * @param band        band of the open alert
 * @param route       route of the open alert
 * @param format      format of that route
 * @param reidentify  re-identification mark of that route
 * @param lastAlertMs when an alert was last sent (for suppression)
 */
public record AlertState(Band band, String route, AlertFormat format, boolean reidentify, long lastAlertMs) {
}
