package cn.shoudi.registry;

/** Thrown when a client edits a household from a version that is no longer current. */
class StaleHouseholdException extends RuntimeException {

    private final long householdId;
    private final long currentVersion;

    StaleHouseholdException(long householdId, long currentVersion) {
        super("household " + householdId + " changed since it was read; current version " + currentVersion);
        this.householdId = householdId;
        this.currentVersion = currentVersion;
    }

    long householdId() {
        return householdId;
    }

    long currentVersion() {
        return currentVersion;
    }
}
