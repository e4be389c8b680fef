package cn.shoudi.registry;

/** The village does not exist, or is outside what the viewer may see (answered the same way: 404). */
public class VillageNotFoundException extends RuntimeException {

    public VillageNotFoundException(long villageId) {
        super("village " + villageId + " not found");
    }
}
