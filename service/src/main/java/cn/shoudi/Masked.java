package cn.shoudi;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * JSON serializers that mask personal numbers in every response: put {@code @JsonSerialize(using =
 * Masked.IdNumber.class)} on an ID-number field, {@code Masked.Phone} on a phone field. Full numbers are shown only by
 * the explicit, audited show actions.
 */
public final class Masked {

    private Masked() {
    }

    /** Masks an ID number: 5002431********21X. */
    public static final class IdNumber extends ValueSerializer<String> {
        @Override
        public void serialize(String value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(Privacy.maskIdNumber(value));
        }
    }

    /** Masks a phone number: 139****1234. */
    public static final class Phone extends ValueSerializer<String> {
        @Override
        public void serialize(String value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(Privacy.maskPhone(value));
        }
    }
}
