package com.zeromission.web;

/** No API token has this id. */
class ApiTokenNotFoundException extends RuntimeException {

    ApiTokenNotFoundException(long id) {
        super("no API token with id " + id);
    }
}
