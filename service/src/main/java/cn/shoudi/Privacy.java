package cn.shoudi;

/**
 * Masks personal numbers for display and export: an ID number keeps its first 7 and last 3 characters
 * (5002431********21X), a phone number its first 3 and last 4 (139****1234).
 */
public final class Privacy {

    private Privacy() {
    }

    /** The masked ID number, or null for null. */
    public static String maskIdNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 7) + "*".repeat(id.length() - 10) + id.substring(id.length() - 3);
    }

    /** The masked phone number, or null for null. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
