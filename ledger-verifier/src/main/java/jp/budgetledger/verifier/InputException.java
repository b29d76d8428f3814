package jp.budgetledger.verifier;

/** An input the verifier cannot use (missing, unreadable or malformed): exit code 2, with a message in Japanese and English. */
final class InputException extends RuntimeException {

    InputException(String japanese, String english) {
        super(japanese + " — " + english);
    }
}
