package org.hikeshi.security;

import java.io.IOException;

/**
 * A request body read past the size limit ({@link RequestSizeLimitFilter}). An {@link IOException}, so that
 * whoever reads the body stops at once; the API answers it with 413.
 */
public class RequestTooLargeException extends IOException {

	RequestTooLargeException(long limit) {
		super(message(limit));
	}

	static String message(long limit) {
		return "The request body is larger than the limit of " + limit + " bytes.";
	}

}
