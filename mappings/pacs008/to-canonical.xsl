<?xml version="1.0" encoding="UTF-8"?>
<!--
  pacs.008.001.09 (FI to FI customer credit transfer) to canonical Payment documents, one per
  credit transfer transaction (CdtTrfTxInf): each is one debtor's payment to the creditor.

  The input has been validated against xsd/iso20022/pacs.008.001.09.xsd; the output is validated
  against the canonical schema. What the ISO message does not name (the payment enterprise's
  and the platform's customs codes) comes from the tables in mappings/iso20022-common.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:pacs="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09"
    xmlns:iso="urn:wco-ecom-adapter:iso20022"
    exclude-result-prefixes="#all">

  <xsl:include href="../iso20022-common/iso20022-payment.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="message" select="pacs:Document/pacs:FIToFICstmrCdtTrf"/>
    <xsl:variable name="header" select="$message/pacs:GrpHdr"/>
    <xsl:for-each select="$message/pacs:CdtTrfTxInf">
      <xsl:variable name="instructing" select="(pacs:InstgAgt, $header/pacs:InstgAgt)[1]"/>
      <xsl:call-template name="iso:payment">
        <xsl:with-param name="format" select="'pacs008'"/>
        <xsl:with-param name="version" select="'001.09'"/>
        <xsl:with-param name="message-id" select="string($header/pacs:MsgId)"/>
        <xsl:with-param name="index" select="position()"/>
        <xsl:with-param name="record" select="."/>
        <!-- the UETR (unique world-wide), else the interbank transaction id, else end to end -->
        <xsl:with-param name="key" select="iso:reference((pacs:PmtId/pacs:UETR, pacs:PmtId/pacs:TxId, pacs:PmtId/pacs:EndToEndId))"/>
        <xsl:with-param name="remittance" select="pacs:RmtInf"/>
        <xsl:with-param name="institution-bic" select="$instructing/pacs:FinInstnId/pacs:BICFI"/>
        <xsl:with-param name="institution" select="($instructing, $header)[1]"/>
        <xsl:with-param name="credited-account" select="pacs:CdtrAcct/pacs:Id"/>
        <xsl:with-param name="creditor" select="pacs:Cdtr"/>
        <xsl:with-param name="payer" select="pacs:Dbtr"/>
        <!-- settled in CNY, else instructed in CNY -->
        <xsl:with-param name="amounts" select="(pacs:IntrBkSttlmAmt, pacs:InstdAmt)"/>
        <xsl:with-param name="paid-at" select="(iso:date-time(pacs:AccptncDtTm), iso:date-time(pacs:SttlmTmIndctn/pacs:CdtDtTm),
                                                iso:date-time(pacs:IntrBkSttlmDt), iso:date-time($header/pacs:IntrBkSttlmDt),
                                                iso:date-time($header/pacs:CreDtTm))[1]"/>
        <xsl:with-param name="issued-at" select="iso:date-time($header/pacs:CreDtTm)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
