package io.phistream.scoring.alert;

/**
 * Where the router keeps per patient and model state; the Kafka wrapper backs it with a state store keyed by
 * patient token and model. Implementations need not be thread-safe when each patient token is handled by one
 * thread (as with Kafka Streams partitions).
 */
public interface AlertStateStore {

    /** The open alert for the patient token and model, or null. */
    AlertState get(String patientToken, String model);

    void put(String patientToken, String model, AlertState state);

    void delete(String patientToken, String model);

    /** An in-memory store, for tests and the batch CLI. */
    static AlertStateStore inMemory() {
        java.util.Map<String, AlertState> map = new java.util.concurrent.ConcurrentHashMap<>();
        return new AlertStateStore() {
            @Override
            public AlertState get(String patientToken, String model) {
                return map.get(key(patientToken, model));
            }

            @Override
            public void put(String patientToken, String model, AlertState state) {
                map.put(key(patientToken, model), state);
            }

            @Override
            public void delete(String patientToken, String model) {
                map.remove(key(patientToken, model));
            }

            private String key(String token, String model) {
                return model + '\u0000' + token;
            }
        };
    }
}
