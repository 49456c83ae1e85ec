/*
 * socket_internal.h - what the two halves of the _socket module share.
 *
 * socket.c holds the socket object, its waits and the module table;
 * socket_addr.c converts addresses, resolves names and holds the module's
 * stateless functions (getaddrinfo, inet_*, htons...).
 */
#ifndef GP_SOCKET_INTERNAL_H
#define GP_SOCKET_INTERNAL_H

#include <netinet/in.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "obj/object.h"

/* Room for any address family the module speaks. */
typedef union gp_socket_address {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} gp_socket_address_t;

/* socket.herror and socket.gaierror (socket.c makes them with the module). */
extern gp_type_t *gp_socket_herror_type, *gp_socket_gaierror_type;

/* Raises socket.gaierror(code, message); EAI_SYSTEM raises from errno. */
void gp_socket_raise_gaierror(int code);
/* A C int argument, with CPython's TypeError/OverflowError. 0 or -1. */
int gp_socket_int_arg(gp_object_t *o, int *out);
/* The data of a bytes-like argument (bytes or bytearray): borrowed. */
int gp_socket_buffer_arg(gp_object_t *o, const char **data, size_t *len);
bool gp_socket_is_bytearray(gp_object_t *o);
/* Resolves [host] for [family] (AF_INET/AF_INET6) into [out], port zero;
   host names are looked up with the GIL released. 0, or -1 with gaierror. */
int gp_socket_resolve(const char *host, int family, gp_socket_address_t *out);
/* A Python address to a sockaddr for [family]; [caller] names the method
   in messages ("bind(): port must be 0-65535."). 0 or -1. */
int gp_socket_address_from(int family, gp_object_t *addr, const char *caller,
                           gp_socket_address_t *out, socklen_t *len);
/* The Python form of a sockaddr: (host, port), a 4-tuple, or a path. */
gp_object_t *gp_socket_address_to_object(const struct sockaddr *sa, socklen_t len);

/* Module functions of socket_addr.c (the vectorcall convention). */
#define GP_SOCKET_FUNCTION(name)                                                                   \
    gp_object_t *gp_socket_##name(gp_object_t *self, gp_object_t *const *args, size_t nargs,     \
                                  gp_object_t *kwnames)
GP_SOCKET_FUNCTION(getaddrinfo);
GP_SOCKET_FUNCTION(gethostname);
GP_SOCKET_FUNCTION(gethostbyname);
GP_SOCKET_FUNCTION(inet_aton);
GP_SOCKET_FUNCTION(inet_ntoa);
GP_SOCKET_FUNCTION(inet_pton);
GP_SOCKET_FUNCTION(inet_ntop);
GP_SOCKET_FUNCTION(htons);
GP_SOCKET_FUNCTION(ntohs);
GP_SOCKET_FUNCTION(htonl);
GP_SOCKET_FUNCTION(ntohl);

#endif /* GP_SOCKET_INTERNAL_H */
