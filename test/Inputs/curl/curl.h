// Lookalike of libcurl's public header (curl/curl.h): the easy interface
// performs a whole transfer in curl_easy_perform, on the calling thread.
#pragma once
extern "C" {
typedef void CURL;
typedef int CURLcode;
CURL *curl_easy_init(void);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
}
