package cn.shoudi.procedure;

/** No procedure with this id: 404. */
public class ProcedureNotFoundException extends RuntimeException {

    public ProcedureNotFoundException(long id) {
        super("procedure " + id + " not found");
    }
}
