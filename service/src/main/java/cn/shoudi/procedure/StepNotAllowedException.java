package cn.shoudi.procedure;

/** A step the viewer's role may not take (e.g. 乡镇审核 by a village cadre): 403 with the step's level named. */
public class StepNotAllowedException extends RuntimeException {

    public StepNotAllowedException(String message) {
        super(message);
    }
}
