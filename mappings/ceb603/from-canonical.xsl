<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Declaration documents to one CEB603 (China export inventory, 出口清单) message.
  The input is a c:Declaration or a c:Batch of them; every declaration becomes a ceb:Inventory, the
  envelope (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first declaration's Source.
  The adapter then signs the message (the format is signed: true; the signature goes before
  ExtendMessage, as the export schema orders them) and validates it against xsd/ceb/ceb603.xsd.

  An export inventory needs what customs needs: the local reference (copNo), the offices of
  declaration and exit, the export date (Transport/DepartureDate), the declaration type (A or B),
  the supervision mode, the transport mode, the destination country and port, the packaging type.
  A producer without a customs code is written NO, a platform without one 无, a goods item without a
  barcode 无; fFlag and iFlag are 3 (totals: the only value the schema allows). Each line's country
  is its destination country, else the declaration's. An import declaration is refused.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    xmlns:inv="urn:wco-ecom-adapter:ceb603"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- egress settings that replace the original sender in BaseTransfer when set -->
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <!-- A value the inventory needs, or an error naming what is missing -->
  <xsl:function name="inv:needed" as="xs:string">
    <xsl:param name="value" as="item()?"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:param name="at" as="element()"/>
    <xsl:sequence select="if (string($value)) then string($value)
        else error(xs:QName('err:VALUE_INVALID'), 'a CEB603 inventory needs ' || $what, $at)"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="declarations" select="c:Declaration | c:Batch/c:Declaration"/>
    <xsl:if test="empty($declarations) or exists(c:Batch/*[not(self::c:Declaration)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB603 message carries canonical Declaration documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$declarations[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB603Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:for-each select="$declarations">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
      <!-- ds:Signature: added by the adapter when it signs the message, before ExtendMessage -->
    </ceb:CEB603Message>
  </xsl:template>

  <xsl:template match="c:Declaration">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <xsl:variable name="seller" select="cebc:party(., 'SELLER')"/>
    <xsl:variable name="logistics" select="cebc:party(., 'LOGISTICS_OPERATOR')"/>
    <xsl:variable name="declarant" select="cebc:party(., 'DECLARANT')"/>
    <xsl:variable name="producer" select="cebc:party(., 'PRODUCER')"/>
    <xsl:variable name="warehouse" select="cebc:party(., 'WAREHOUSE_KEEPER')"/>
    <xsl:variable name="transport" select="c:Transport"/>
    <xsl:variable name="destination" select="$transport/c:DestinationCountry"/>
    <xsl:variable name="departure" select="($transport/c:DepartureDate, $transport/c:DepartureDateTime/substring(., 1, 10))[1]"/>
    <ceb:Inventory>
      <xsl:sequence select="cebc:export-only(., 'CEB603')"/>
      <ceb:InventoryHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:customsCode><xsl:value-of select="inv:needed(c:DeclarationOffice, 'its office of declaration (DeclarationOffice: customsCode)', .)"/></ceb:customsCode>
        <ceb:ebpCode><xsl:value-of select="cebc:platform-code($platform)"/></ceb:ebpCode>
        <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
        <ceb:orderNo><xsl:value-of select="c:OrderNumber"/></ceb:orderNo>
        <ceb:logisticsCode><xsl:value-of select="cebc:code($logistics)"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="$logistics/c:Name"/></ceb:logisticsName>
        <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
        <ceb:copNo><xsl:value-of select="inv:needed(c:LocalReference, 'its local reference (LocalReference: copNo)', .)"/></ceb:copNo>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <xsl:for-each select="c:CustomsReference[@type = 'INVENTORY_NUMBER'][string()][1]"><ceb:invtNo><xsl:value-of select="."/></ceb:invtNo></xsl:for-each>
        <ceb:ieFlag>E</ceb:ieFlag>
        <ceb:portCode><xsl:value-of select="inv:needed(c:ExitOffice, 'its office of exit (ExitOffice: portCode)', .)"/></ceb:portCode>
        <ceb:ieDate><xsl:value-of select="format-date(xs:date(inv:needed($departure, 'its export date (Transport/DepartureDate: ieDate)', .)), '[Y0001][M01][D01]')"/></ceb:ieDate>
        <ceb:statisticsFlag><xsl:value-of select="inv:needed(c:DeclarationType[@scheme = 'CN-STATISTICS-FLAG'], 'its declaration type, A or B (DeclarationType, scheme CN-STATISTICS-FLAG: statisticsFlag)', .)"/></ceb:statisticsFlag>
        <ceb:agentCode><xsl:value-of select="cebc:code($declarant)"/></ceb:agentCode>
        <ceb:agentName><xsl:value-of select="$declarant/c:Name"/></ceb:agentName>
        <ceb:ebcCode><xsl:value-of select="cebc:code($seller)"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="$seller/c:Name"/></ceb:ebcName>
        <ceb:ownerCode><xsl:value-of select="(cebc:code($producer)[.], 'NO')[1]"/></ceb:ownerCode>
        <ceb:ownerName><xsl:value-of select="$producer/c:Name"/></ceb:ownerName>
        <xsl:for-each select="cebc:code($warehouse)[.]"><ceb:iacCode><xsl:value-of select="."/></ceb:iacCode></xsl:for-each>
        <xsl:for-each select="$warehouse/c:Name[string()]"><ceb:iacName><xsl:value-of select="."/></ceb:iacName></xsl:for-each>
        <xsl:for-each select="c:AdditionalDocument[@type = 'ACCOUNT_BOOK'][string()][1]"><ceb:emsNo><xsl:value-of select="."/></ceb:emsNo></xsl:for-each>
        <ceb:tradeMode><xsl:value-of select="inv:needed(c:Procedure[@scheme = 'CN-SUPERVISION-MODE'], 'a CN-SUPERVISION-MODE procedure (tradeMode)', .)"/></ceb:tradeMode>
        <ceb:trafMode><xsl:value-of select="inv:needed($transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'], 'a CN-TRANSPORT-MODE transport mode (trafMode)', .)"/></ceb:trafMode>
        <xsl:for-each select="$transport/c:ConveyanceName[string()]"><ceb:trafName><xsl:value-of select="."/></ceb:trafName></xsl:for-each>
        <xsl:for-each select="$transport/c:ConveyanceReference[string()]"><ceb:voyageNo><xsl:value-of select="."/></ceb:voyageNo></xsl:for-each>
        <xsl:for-each select="c:MasterDocument[string()]"><ceb:billNo><xsl:value-of select="."/></ceb:billNo></xsl:for-each>
        <xsl:for-each select="$transport/c:EquipmentId[string()]"><ceb:totalPackageNo><xsl:value-of select="."/></ceb:totalPackageNo></xsl:for-each>
        <xsl:for-each select="c:GoodsLocation[string()]"><ceb:loctNo><xsl:value-of select="."/></ceb:loctNo></xsl:for-each>
        <xsl:for-each select="c:AdditionalDocument[@type = 'LICENCE'][string()][1]"><ceb:licenseNo><xsl:value-of select="."/></ceb:licenseNo></xsl:for-each>
        <ceb:country><xsl:value-of select="if ($destination) then cl:customs-country($destination, $destination)
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB603 inventory needs the country the goods go to (Transport/DestinationCountry: country)', .)"/></ceb:country>
        <ceb:POD><xsl:value-of select="inv:needed($transport/c:DestinationPort[@scheme = 'CN-PORT'], 'the port of destination (Transport/DestinationPort, scheme CN-PORT: POD)', .)"/></ceb:POD>
        <ceb:freight><xsl:value-of select="(c:Freight, 0)[1]"/></ceb:freight>
        <ceb:fCurrency><xsl:value-of select="cl:customs-currency((c:Freight/@currency, 'CNY')[1], (c:Freight, .)[1])"/></ceb:fCurrency>
        <ceb:fFlag>3</ceb:fFlag>
        <ceb:insuredFee><xsl:value-of select="(c:Insurance, 0)[1]"/></ceb:insuredFee>
        <ceb:iCurrency><xsl:value-of select="cl:customs-currency((c:Insurance/@currency, 'CNY')[1], (c:Insurance, .)[1])"/></ceb:iCurrency>
        <ceb:iFlag>3</ceb:iFlag>
        <ceb:wrapType><xsl:value-of select="inv:needed(c:PackagingType[@scheme = 'CN-WRAP-TYPE'], 'a CN-WRAP-TYPE packaging type (wrapType)', .)"/></ceb:wrapType>
        <ceb:packNo><xsl:value-of select="(c:PackageCount, 1)[1]"/></ceb:packNo>
        <ceb:grossWeight><xsl:value-of select="inv:needed(c:GrossWeight, 'its gross weight (GrossWeight)', .)"/></ceb:grossWeight>
        <ceb:netWeight><xsl:value-of select="inv:needed(c:NetWeight, 'its net weight (NetWeight)', .)"/></ceb:netWeight>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:InventoryHead>
      <xsl:apply-templates select="c:GoodsItem">
        <xsl:with-param name="destination" select="$destination"/>
      </xsl:apply-templates>
    </ceb:Inventory>
  </xsl:template>

  <xsl:template match="c:GoodsItem">
    <xsl:param name="destination" as="element()?"/>
    <xsl:variable name="gcode" select="c:Classification[@scheme = 'CN-CUSTOMS10'][1]"/>
    <xsl:variable name="country" select="(c:DestinationCountry, $destination)[1]"/>
    <xsl:variable name="legal" select="c:LegalQuantity"/>
    <xsl:if test="empty($legal)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB603 goods item needs a quantity in the first legal unit (qty1, unit1)', .)"/>
    </xsl:if>
    <ceb:InventoryList>
      <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
      <ceb:itemNo><xsl:value-of select="c:Sku"/></ceb:itemNo>
      <xsl:for-each select="c:RecordNumber"><ceb:itemRecordNo><xsl:value-of select="."/></ceb:itemRecordNo></xsl:for-each>
      <xsl:for-each select="c:Title"><ceb:itemName><xsl:value-of select="."/></ceb:itemName></xsl:for-each>
      <ceb:gcode><xsl:value-of select="inv:needed($gcode, 'a CN-CUSTOMS10 classification of each goods item (gcode)', .)"/></ceb:gcode>
      <ceb:gname><xsl:value-of select="c:Description"/></ceb:gname>
      <ceb:gmodel><xsl:value-of select="(c:Model, c:Description)[1]"/></ceb:gmodel>
      <ceb:barCode><xsl:value-of select="(c:Barcode[string()], $cebc:no-code)[1]"/></ceb:barCode>
      <ceb:country><xsl:value-of select="if ($country) then cl:customs-country($country, $country)
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB603 goods item needs its destination country (DestinationCountry)', .)"/></ceb:country>
      <ceb:currency><xsl:value-of select="cl:customs-currency(c:Value/@currency, c:Value)"/></ceb:currency>
      <ceb:qty><xsl:value-of select="c:Quantity"/></ceb:qty>
      <xsl:for-each select="$legal"><xsl:element name="ceb:qty{position()}"><xsl:value-of select="."/></xsl:element></xsl:for-each>
      <ceb:unit><xsl:value-of select="cl:customs-unit(c:Quantity/@unitCode, c:Quantity/@sourceUnitCode, c:Quantity)"/></ceb:unit>
      <xsl:for-each select="$legal"><xsl:element name="ceb:unit{position()}"><xsl:value-of select="cl:customs-unit(@unitCode, @sourceUnitCode, .)"/></xsl:element></xsl:for-each>
      <ceb:price><xsl:value-of select="inv:needed(c:UnitPrice, 'the unit price of each goods item (UnitPrice: price)', .)"/></ceb:price>
      <ceb:totalPrice><xsl:value-of select="c:Value"/></ceb:totalPrice>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:InventoryList>
  </xsl:template>
</xsl:stylesheet>
