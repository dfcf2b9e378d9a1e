<?xml version="1.0" encoding="UTF-8"?>
<!--
  camt.054.001.08 (bank to customer debit/credit notification) to canonical Payment documents:
  one per transaction detail (TxDtls) of a booked credit entry. An entry is what the bank booked;
  a batch of buyers' payments is booked as one entry whose transaction details each carry one
  buyer, one amount and one order, which is what a customs payment voucher declares. Debits,
  reversals, entries not booked (pending, information) and entries without transaction details
  are no buyer's payment and are left out (format.yaml selects the same records).

  The input has been validated against xsd/iso20022/camt.054.001.08.xsd; the output is validated
  against the canonical schema. What the ISO message does not name (the payment enterprise's
  and the platform's customs codes) comes from the tables in mappings/iso20022-common.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:camt="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"
    xmlns:iso="urn:wco-ecom-adapter:iso20022"
    exclude-result-prefixes="#all">

  <xsl:include href="../iso20022-common/iso20022-payment.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="message" select="camt:Document/camt:BkToCstmrDbtCdtNtfctn"/>
    <xsl:for-each select="$message/camt:Ntfctn/camt:Ntry[camt:CdtDbtInd = 'CRDT' and camt:Sts/camt:Cd = 'BOOK'
                              and not(normalize-space(camt:RvslInd) = ('true', '1'))]/camt:NtryDtls/camt:TxDtls[not(camt:CdtDbtInd = 'DBIT')]">
      <xsl:variable name="entry" select="../.."/>
      <xsl:variable name="notification" select="$entry/.."/>
      <xsl:variable name="account" select="$notification/camt:Acct"/>
      <xsl:call-template name="iso:payment">
        <xsl:with-param name="format" select="'camt054'"/>
        <xsl:with-param name="version" select="'001.08'"/>
        <xsl:with-param name="message-id" select="string($message/camt:GrpHdr/camt:MsgId)"/>
        <xsl:with-param name="index" select="position()"/>
        <xsl:with-param name="record" select="."/>
        <!-- the bank's own reference of the transaction (unique for it), else the UETR, else end to end -->
        <xsl:with-param name="key" select="iso:reference((camt:Refs/camt:AcctSvcrRef, camt:Refs/camt:UETR, camt:Refs/camt:EndToEndId))"/>
        <xsl:with-param name="remittance" select="camt:RmtInf"/>
        <xsl:with-param name="institution-bic" select="$account/camt:Svcr/camt:FinInstnId/camt:BICFI"/>
        <xsl:with-param name="institution" select="$account"/>
        <xsl:with-param name="credited-account" select="$account/camt:Id"/>
        <xsl:with-param name="creditor" select="$account"/>
        <xsl:with-param name="payer" select="camt:RltdPties/camt:Dbtr/camt:Pty"/>
        <!-- the transaction as booked; else its amount as transacted, counter value, or as
             instructed; the entry's amount only when the entry is this one transaction -->
        <xsl:with-param name="amounts" select="(camt:Amt, camt:AmtDtls/camt:TxAmt/camt:Amt, camt:AmtDtls/camt:CntrValAmt/camt:Amt,
                                                camt:AmtDtls/camt:InstdAmt/camt:Amt, $entry/camt:Amt[count($entry/camt:NtryDtls/camt:TxDtls) = 1])"/>
        <xsl:with-param name="paid-at" select="(iso:date-time(camt:RltdDts/camt:AccptncDtTm), iso:date-time(camt:RltdDts/camt:TxDtTm),
                                                iso:date-time($entry/camt:BookgDt/camt:DtTm), iso:date-time($entry/camt:BookgDt/camt:Dt))[1]"/>
        <xsl:with-param name="issued-at" select="(iso:date-time($notification/camt:CreDtTm), iso:date-time($message/camt:GrpHdr/camt:CreDtTm))[1]"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="empty($message/camt:Ntfctn/camt:Ntry[camt:CdtDbtInd = 'CRDT' and camt:Sts/camt:Cd = 'BOOK'
                        and not(normalize-space(camt:RvslInd) = ('true', '1'))]/camt:NtryDtls/camt:TxDtls[not(camt:CdtDbtInd = 'DBIT')])">
      <xsl:sequence select="iso:fail('NO_PAYMENTS', 'the notification holds no transaction details of a booked credit entry: no payment to declare', ($message/camt:Ntfctn/camt:Ntry, $message/camt:Ntfctn)[1])"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
