package cn.shoudi.registry;

/** Thrown when a household id does not exist. */
public class HouseholdNotFoundException extends RuntimeException {

    public HouseholdNotFoundException(long id) {
        super("household " + id + " not found");
    }
}
