package cn.shoudi.reporting;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The township, village or ledger a report request names does not exist (or is not the viewer's): 404. */
class ReportNotFoundException extends ResponseStatusException {

    ReportNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }

    @Override
    public String getMessage() {
        return getReason();
    }
}
