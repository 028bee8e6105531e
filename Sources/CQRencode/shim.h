// libqrencode (Debian libqrencode-dev): QR Code symbols for the links printed on token slips
// and certificates. Kenshu only encodes; it never decodes or draws with the library.
#include <qrencode.h>
