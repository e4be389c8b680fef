package cn.shoudi.reporting;

/** The township, village or ledger a report request names does not exist; the message is Chinese. */
class ReportNotFoundException extends RuntimeException {

    ReportNotFoundException(String message) {
        super(message);
    }
}
