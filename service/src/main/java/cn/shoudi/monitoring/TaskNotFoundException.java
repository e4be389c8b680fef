package cn.shoudi.monitoring;

/** Thrown when a task id does not exist. */
class TaskNotFoundException extends RuntimeException {

    TaskNotFoundException(long id) {
        super("task " + id + " not found");
    }
}
